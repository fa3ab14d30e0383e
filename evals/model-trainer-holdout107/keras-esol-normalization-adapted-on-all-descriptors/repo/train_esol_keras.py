"""Train the ESOL descriptor MLP, keep the best epoch and report held-out metrics."""
import argparse
import json
from pathlib import Path

import numpy as np
import pandas as pd
from rdkit import Chem
from rdkit.Chem import Descriptors
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.model_selection import train_test_split
from tensorflow import keras

from esol_model import DESCRIPTORS, build_model

DESC_FNS = dict(Descriptors.descList)


def featurize(smiles_series):
    rows = []
    for smi in smiles_series:
        mol = Chem.MolFromSmiles(smi)
        rows.append([DESC_FNS[name](mol) for name in DESCRIPTORS])
    return np.asarray(rows, dtype=np.float32)


def scores(y_true, y_pred):
    return {
        "rmse": float(np.sqrt(mean_squared_error(y_true, y_pred))),
        "mae": float(mean_absolute_error(y_true, y_pred)),
        "r2": float(r2_score(y_true, y_pred)),
    }


def main(args):
    keras.utils.set_random_seed(args.seed)
    df = pd.read_csv(args.csv)
    df = df[df["smiles"].map(lambda s: Chem.MolFromSmiles(s) is not None)]
    X = featurize(df["smiles"])
    y = df["measured log solubility in mols per litre"].to_numpy(dtype=np.float32)

    model = build_model(X, dropout=args.dropout, lr=args.lr)

    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.15, random_state=args.seed)
    X_tr, X_val, y_tr, y_val = train_test_split(X_train, y_train, test_size=0.15, random_state=args.seed)

    out = Path(args.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    callbacks = [
        keras.callbacks.EarlyStopping(monitor="val_rmse", patience=40, restore_best_weights=True),
        keras.callbacks.ModelCheckpoint(str(out / "esol_mlp.keras"), monitor="val_rmse", save_best_only=True),
        keras.callbacks.ReduceLROnPlateau(monitor="val_rmse", factor=0.5, patience=15, min_lr=1e-5),
    ]
    model.fit(
        X_tr, y_tr,
        validation_data=(X_val, y_val),
        epochs=args.epochs,
        batch_size=args.batch_size,
        callbacks=callbacks,
        verbose=2,
    )

    ridge = Ridge(alpha=1.0).fit(X_tr, y_tr)
    report = {
        "mlp_test": scores(y_test, model.predict(X_test, verbose=0).ravel()),
        "ridge_test": scores(y_test, ridge.predict(X_test)),
    }
    print(json.dumps(report, indent=2))
    (out / "report.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--csv", default="data/delaney-processed.csv")
    ap.add_argument("--out-dir", default="runs/esol_mlp")
    ap.add_argument("--epochs", type=int, default=500)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--dropout", type=float, default=0.15)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--seed", type=int, default=5)
    main(args=ap.parse_args())
