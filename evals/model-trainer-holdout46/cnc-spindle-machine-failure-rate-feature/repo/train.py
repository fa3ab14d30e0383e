"""Predict spindle failure within 14 days for the CNC fleet; evaluate on unseen machines."""
import argparse

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit
from sklearn.pipeline import make_pipeline
from sklearn.impute import SimpleImputer
from sklearn.preprocessing import StandardScaler

from spindle.features import SIGNALS, add_machine_history, rolling_signal_features

LABEL = "fail_within_14d"
SEED = 99


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/cnc_daily.parquet")
    args = ap.parse_args()

    df = pd.read_parquet(args.data)
    df["date"] = pd.to_datetime(df["date"])
    df = rolling_signal_features(df)
    df = add_machine_history(df, LABEL)
    df["model"] = df["model"].astype("category")

    features = [c for c in df.columns if c not in ("machine_id", "date", LABEL, *SIGNALS)]
    gss = GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=SEED)
    train_idx, test_idx = next(gss.split(df, df[LABEL], groups=df["machine_id"]))
    train, test = df.iloc[train_idx], df.iloc[test_idx]
    print(f"{train['machine_id'].nunique()} train machines, {test['machine_id'].nunique()} test machines, "
          f"positive rate {train[LABEL].mean():.3f}/{test[LABEL].mean():.3f}")

    num = [c for c in features if c != "model"]
    baseline = make_pipeline(SimpleImputer(strategy="median"), StandardScaler(),
                             LogisticRegression(max_iter=2000, class_weight="balanced"))
    baseline.fit(train[num], train[LABEL])

    gbm = lgb.LGBMClassifier(
        n_estimators=700, learning_rate=0.03, num_leaves=31, min_child_samples=50,
        subsample=0.8, subsample_freq=1, colsample_bytree=0.7, is_unbalance=True, random_state=SEED,
    )
    gbm.fit(train[features], train[LABEL])

    for name, p in [
        ("logreg", baseline.predict_proba(test[num])[:, 1]),
        ("lightgbm", gbm.predict_proba(test[features])[:, 1]),
    ]:
        print(f"{name:>9s} ROC-AUC={roc_auc_score(test[LABEL], p):.3f} PR-AUC={average_precision_score(test[LABEL], p):.3f}")

    top = pd.Series(gbm.feature_importances_, index=features).nlargest(10)
    print(top)


if __name__ == "__main__":
    main()
