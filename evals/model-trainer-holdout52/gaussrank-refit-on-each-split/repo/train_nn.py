"""K-fold GaussRank MLP for Playground S4E5 (flood probability)."""
import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import tensorflow as tf
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_squared_error, r2_score
from sklearn.model_selection import KFold
from sklearn.preprocessing import StandardScaler

from nn_utils import build_mlp, gauss_rank, seed_everything


def load_config(path="config.json"):
    with open(path) as f:
        return json.load(f)


def main(cfg):
    seed_everything(cfg["seed"])
    data_dir = Path(cfg["data_dir"])
    train = pd.read_csv(data_dir / "train.csv")
    test = pd.read_csv(data_dir / "test.csv")
    target = cfg["target"]
    feats = [c for c in train.columns if c not in ("id", target)]

    for df in (train, test):
        df["fsum"] = df[feats].sum(axis=1)
        df["fstd"] = df[feats].std(axis=1)
    feats = feats + ["fsum", "fstd"]

    y = train[target].values.astype("float32")
    kf = KFold(n_splits=cfg["n_folds"], shuffle=True, random_state=cfg["seed"])
    oof = np.zeros(len(train))
    oof_ridge = np.zeros(len(train))
    test_pred = np.zeros(len(test))
    ckpt_dir = Path(cfg["ckpt_dir"])
    ckpt_dir.mkdir(parents=True, exist_ok=True)

    for fold, (tr_idx, va_idx) in enumerate(kf.split(train)):
        raw_tr = train.iloc[tr_idx][feats]
        raw_va = train.iloc[va_idx][feats]

        scaler = StandardScaler().fit(raw_tr)
        ridge = Ridge(alpha=1.0).fit(scaler.transform(raw_tr), y[tr_idx])
        oof_ridge[va_idx] = ridge.predict(scaler.transform(raw_va))

        X_tr, X_va, X_te = gauss_rank(
            [raw_tr, raw_va, test[feats]], n_quantiles=cfg["n_quantiles"], seed=cfg["seed"]
        )

        tf.keras.backend.clear_session()
        model = build_mlp(len(feats), cfg["hidden"], cfg["dropout"], cfg["lr"])
        ckpt_path = ckpt_dir / f"fold{fold}.keras"
        callbacks = [
            tf.keras.callbacks.EarlyStopping(
                monitor="val_rmse", patience=cfg["patience"], restore_best_weights=True
            ),
            tf.keras.callbacks.ReduceLROnPlateau(monitor="val_rmse", factor=0.5, patience=2),
            tf.keras.callbacks.ModelCheckpoint(ckpt_path, monitor="val_rmse", save_best_only=True),
        ]
        model.fit(
            X_tr,
            y[tr_idx],
            validation_data=(X_va, y[va_idx]),
            epochs=cfg["epochs"],
            batch_size=cfg["batch_size"],
            callbacks=callbacks,
            verbose=2,
        )
        oof[va_idx] = model.predict(X_va, batch_size=8192).ravel()
        test_pred += model.predict(X_te, batch_size=8192).ravel() / cfg["n_folds"]
        print(f"fold {fold}: r2={r2_score(y[va_idx], oof[va_idx]):.5f}")

    for name, pred in (("ridge", oof_ridge), ("mlp", oof)):
        rmse = mean_squared_error(y, pred, squared=False)
        print(f"{name:6s} OOF r2={r2_score(y, pred):.5f} rmse={rmse:.5f}")

    pd.DataFrame({"id": test["id"], target: test_pred}).to_csv("submission_mlp.csv", index=False)
    np.save("oof_mlp.npy", oof)


if __name__ == "__main__":
    main(load_config(sys.argv[1] if len(sys.argv) > 1 else "config.json"))
