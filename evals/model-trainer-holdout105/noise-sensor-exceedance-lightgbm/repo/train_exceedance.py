"""Predict whether a sensor's LAeq will exceed the limit in the next hour."""
import numpy as np
import pandas as pd
import yaml
from lightgbm import LGBMClassifier
from sklearn.metrics import average_precision_score, roc_auc_score, brier_score_loss
from sklearn.model_selection import KFold

from noisemon.features import build_frame


def main(params_path="params.yaml"):
    with open(params_path) as fh:
        p = yaml.safe_load(fh)
    hourly = pd.read_parquet(p["data"]["hourly"])
    hourly["timestamp"] = pd.to_datetime(hourly["timestamp"])
    df = build_frame(
        hourly, p["features"]["bands"], p["features"]["lags"],
        p["features"]["rolling_windows"], p["data"]["threshold_db"],
    )
    df["sensor_code"] = df["sensor_id"].astype("category").cat.codes
    drop = {"timestamp", "sensor_id", "target"}
    feature_cols = [c for c in df.columns if c not in drop]
    X, y = df[feature_cols], df["target"].astype(int).to_numpy()
    print(f"{len(df)} sensor-hours, positive rate {y.mean():.3f}")

    kf = KFold(n_splits=p["cv"]["n_splits"], shuffle=True, random_state=p["cv"]["seed"])
    oof = np.zeros(len(df))
    for fold, (tr, va) in enumerate(kf.split(X)):
        model = LGBMClassifier(**p["lgbm"], random_state=p["cv"]["seed"], verbose=-1)
        model.fit(X.iloc[tr], y[tr], categorical_feature=["sensor_code"])
        oof[va] = model.predict_proba(X.iloc[va])[:, 1]
        print(f"fold {fold}: roc_auc {roc_auc_score(y[va], oof[va]):.4f}")

    persistence = df["exceeds_now"].to_numpy()
    print("persistence baseline: roc_auc %.4f  pr_auc %.4f" % (
        roc_auc_score(y, persistence), average_precision_score(y, persistence)))
    print("lightgbm oof:         roc_auc %.4f  pr_auc %.4f  brier %.4f" % (
        roc_auc_score(y, oof), average_precision_score(y, oof), brier_score_loss(y, oof)))

    final = LGBMClassifier(**p["lgbm"], random_state=p["cv"]["seed"], verbose=-1)
    final.fit(X, y, categorical_feature=["sensor_code"])
    final.booster_.save_model("models/exceedance_lgbm.txt")


if __name__ == "__main__":
    main()
