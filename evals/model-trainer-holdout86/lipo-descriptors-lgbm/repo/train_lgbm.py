"""LightGBM on RDKit 2D descriptors for Lipophilicity (logD7.4, MoleculeNet)."""
import json

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.dummy import DummyRegressor
from sklearn.feature_selection import VarianceThreshold
from sklearn.impute import SimpleImputer
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from featurize import descriptor_frame, scaffold_split

SEED = 31


def report(name, y_true, y_pred):
    return {
        "model": name,
        "rmse": float(np.sqrt(mean_squared_error(y_true, y_pred))),
        "mae": float(mean_absolute_error(y_true, y_pred)),
        "r2": float(r2_score(y_true, y_pred)),
    }


def main():
    df = pd.read_csv("data/Lipophilicity.csv")
    df = df.dropna(subset=["smiles", "exp"]).reset_index(drop=True)
    desc = descriptor_frame(df["smiles"])
    print(f"{len(df)} molecules, {desc.shape[1]} descriptors")

    prep = make_pipeline(SimpleImputer(strategy="median"), VarianceThreshold(1e-4), StandardScaler())
    X = prep.fit_transform(desc)
    y = df["exp"].to_numpy()

    train_idx, test_idx = scaffold_split(df["smiles"], frac_test=0.2)
    X_train, X_test = X[train_idx], X[test_idx]
    y_train, y_test = y[train_idx], y[test_idx]

    model = lgb.LGBMRegressor(
        n_estimators=5000,
        learning_rate=0.02,
        num_leaves=31,
        min_child_samples=20,
        subsample=0.8,
        subsample_freq=1,
        colsample_bytree=0.5,
        reg_lambda=1.0,
        random_state=SEED,
        verbose=-1,
    )
    model.fit(
        X_train, y_train,
        eval_set=[(X_test, y_test)],
        eval_metric="rmse",
        callbacks=[lgb.early_stopping(200), lgb.log_evaluation(500)],
    )

    dummy = DummyRegressor(strategy="mean").fit(X_train, y_train)
    results = [
        report("lightgbm", y_test, model.predict(X_test)),
        report("mean_baseline", y_test, dummy.predict(X_test)),
    ]
    print(pd.DataFrame(results).to_string(index=False))
    print("best iteration:", model.best_iteration_)
    with open("lipo_lgbm_results.json", "w") as fh:
        json.dump(results, fh, indent=2)


if __name__ == "__main__":
    main()
