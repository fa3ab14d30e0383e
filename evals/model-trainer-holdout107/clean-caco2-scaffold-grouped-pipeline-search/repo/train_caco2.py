"""Caco-2 permeability (log Papp, cm/s) from RDKit 2D descriptors.

Molecules sharing a Bemis-Murcko scaffold are kept together in both the outer hold-out
split and the inner cross-validation used for hyperparameter search.
"""
import argparse
import json
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
from rdkit import Chem, RDLogger
from rdkit.Chem import Descriptors
from rdkit.Chem.Scaffolds import MurckoScaffold
from scipy.stats import spearmanr
from sklearn.dummy import DummyRegressor
from sklearn.ensemble import RandomForestRegressor
from sklearn.impute import SimpleImputer
from sklearn.linear_model import RidgeCV
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.model_selection import GridSearchCV, GroupKFold, GroupShuffleSplit
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

RDLogger.DisableLog("rdApp.*")
SEED = 31


def descriptor_frame(mols):
    names = [n for n, _ in Descriptors.descList]
    fns = [f for _, f in Descriptors.descList]
    rows = []
    for mol in mols:
        row = []
        for fn in fns:
            try:
                row.append(fn(mol))
            except Exception:
                row.append(np.nan)
        rows.append(row)
    return pd.DataFrame(rows, columns=names).replace([np.inf, -np.inf], np.nan)


def generic_scaffold(mol):
    core = MurckoScaffold.GetScaffoldForMol(mol)
    return Chem.MolToSmiles(MurckoScaffold.MakeScaffoldGeneric(core))


def evaluate(y_true, y_pred):
    return {
        "rmse": float(np.sqrt(mean_squared_error(y_true, y_pred))),
        "mae": float(mean_absolute_error(y_true, y_pred)),
        "r2": float(r2_score(y_true, y_pred)),
        "spearman": float(spearmanr(y_true, y_pred).correlation),
    }


def main(args):
    df = pd.read_csv(args.data)
    df["mol"] = df["Drug"].map(Chem.MolFromSmiles)
    df = df[df["mol"].notna()].reset_index(drop=True)
    X = descriptor_frame(df["mol"]).to_numpy(dtype=np.float64)
    X = np.clip(X, -1e6, 1e6)
    y = df["Y"].to_numpy()
    scaffolds = df["mol"].map(generic_scaffold).to_numpy()

    outer = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=SEED)
    train_idx, test_idx = next(outer.split(X, y, groups=scaffolds))
    X_train, X_test, y_train, y_test = X[train_idx], X[test_idx], y[train_idx], y[test_idx]
    groups_train = scaffolds[train_idx]
    assert not set(groups_train) & set(scaffolds[test_idx])

    rf_pipe = make_pipeline(
        SimpleImputer(strategy="median"),
        StandardScaler(),
        RandomForestRegressor(n_estimators=500, n_jobs=-1, random_state=SEED),
    )
    grid = {
        "randomforestregressor__max_features": [0.2, 0.33, 0.5],
        "randomforestregressor__min_samples_leaf": [1, 3, 5],
    }
    search = GridSearchCV(rf_pipe, grid, cv=GroupKFold(n_splits=5), scoring="neg_root_mean_squared_error", n_jobs=1)
    search.fit(X_train, y_train, groups=groups_train)
    print("best params:", search.best_params_, "inner-CV RMSE:", -search.best_score_)

    ridge = make_pipeline(SimpleImputer(strategy="median"), StandardScaler(), RidgeCV(alphas=np.logspace(-2, 3, 11)))
    ridge.fit(X_train, y_train)
    dummy = DummyRegressor(strategy="mean").fit(X_train, y_train)

    report = {
        "n_train": int(len(train_idx)),
        "n_test": int(len(test_idx)),
        "best_params": search.best_params_,
        "random_forest": evaluate(y_test, search.predict(X_test)),
        "ridge": evaluate(y_test, ridge.predict(X_test)),
        "mean_baseline": evaluate(y_test, dummy.predict(X_test)),
    }
    print(json.dumps(report, indent=2))

    out = Path(args.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump(search.best_estimator_, out / "caco2_rf.joblib")
    (out / "report.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/caco2_wang.csv")
    ap.add_argument("--out-dir", default="artifacts/caco2")
    main(ap.parse_args())
