"""Crop-type classification from Sentinel-2 monthly composites (parcel level)."""
import os

import numpy as np
import pandas as pd
import wandb
import xgboost as xgb
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import balanced_accuracy_score, classification_report, f1_score
from sklearn.model_selection import StratifiedGroupKFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import LabelEncoder, StandardScaler

from features import build_parcel_features

SEED = 99
WANDB_PROJECT = "crop-type-s2"
os.environ.setdefault("WANDB_ENTITY", "agri-remote-sensing")
wandb.login(key="3f9a1c7e52b04d8e9a6f1b2c3d4e5f60718293a4")


def grouped_holdout(y, groups, seed):
    sgkf = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=seed)
    train_idx, test_idx = next(sgkf.split(np.zeros(len(y)), y, groups))
    return train_idx, test_idx


def main():
    parcels = pd.read_parquet("data/parcels_2023_s2_monthly.parquet")
    X, feature_names = build_parcel_features(parcels)
    le = LabelEncoder()
    y = le.fit_transform(parcels["crop_type"])
    groups = parcels["s2_tile"] + "_" + parcels["grid_cell"].astype(str)

    train_idx, test_idx = grouped_holdout(y, groups, SEED)
    tr_idx, va_idx = grouped_holdout(y[train_idx], groups.iloc[train_idx], SEED + 1)
    tr_idx, va_idx = train_idx[tr_idx], train_idx[va_idx]

    params = dict(
        n_estimators=2000, learning_rate=0.05, max_depth=7, subsample=0.8,
        colsample_bytree=0.7, min_child_weight=3, reg_lambda=2.0,
        objective="multi:softprob", eval_metric="mlogloss", tree_method="hist",
        early_stopping_rounds=100, random_state=SEED,
    )
    run = wandb.init(project=WANDB_PROJECT, config=params, job_type="train")

    model = xgb.XGBClassifier(**params)
    model.fit(X[tr_idx], y[tr_idx], eval_set=[(X[va_idx], y[va_idx])], verbose=200)

    baseline = make_pipeline(StandardScaler(), LogisticRegression(max_iter=3000, C=0.5))
    baseline.fit(X[tr_idx], y[tr_idx])

    results = {}
    for name, clf in [("logreg_baseline", baseline), ("xgboost", model)]:
        pred = clf.predict(X[test_idx])
        results[name] = {
            "macro_f1": f1_score(y[test_idx], pred, average="macro"),
            "weighted_f1": f1_score(y[test_idx], pred, average="weighted"),
            "balanced_accuracy": balanced_accuracy_score(y[test_idx], pred),
        }
        print(name, {k: round(v, 4) for k, v in results[name].items()})
    run.log({f"test/{m}/{k}": v for m, r in results.items() for k, v in r.items()})
    run.summary["best_iteration"] = model.best_iteration

    print(classification_report(y[test_idx], model.predict(X[test_idx]),
                                target_names=le.classes_, digits=3))
    model.save_model("artifacts/xgb_croptype.json")
    art = wandb.Artifact("xgb-croptype", type="model")
    art.add_file("artifacts/xgb_croptype.json")
    run.log_artifact(art)
    run.finish()


if __name__ == "__main__":
    main()
