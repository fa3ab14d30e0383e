"""Train a LightGBM classifier for 15+ minute arrival delays (ARR_DEL15)."""
import argparse
import json

import lightgbm as lgb
import pandas as pd
from sklearn.metrics import average_precision_score, roc_auc_score

from features import add_route_delay_rates, add_time_features

FEATURES = [
    "month", "day_of_week", "dep_hour", "arr_hour", "overnight", "log_distance",
    "OP_CARRIER_delay_rate", "ORIGIN_delay_rate", "DEST_delay_rate", "ROUTE_delay_rate",
]


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--data", default="data/ontime_2023.parquet")
    p.add_argument("--cutoff", default="2023-10-01", help="first date of the test period")
    p.add_argument("--out", default="metrics.json")
    return p.parse_args()


def main():
    args = parse_args()
    df = pd.read_parquet(args.data)
    # diverted / cancelled flights have no arrival delay
    df = df[(df["CANCELLED"] == 0) & (df["DIVERTED"] == 0)].dropna(subset=["ARR_DEL15"])

    df = add_time_features(df)
    df = add_route_delay_rates(df, target="ARR_DEL15")

    cutoff = pd.Timestamp(args.cutoff)
    train = df[df["FL_DATE"] < cutoff]
    test = df[df["FL_DATE"] >= cutoff]
    print(f"train: {len(train):,} flights, test: {len(test):,} flights")

    model = lgb.LGBMClassifier(
        n_estimators=600,
        learning_rate=0.05,
        num_leaves=63,
        min_child_samples=200,
        subsample=0.8,
        subsample_freq=1,
        colsample_bytree=0.8,
        random_state=7,
    )
    model.fit(train[FEATURES], train["ARR_DEL15"])

    proba = model.predict_proba(test[FEATURES])[:, 1]
    metrics = {
        "auc": roc_auc_score(test["ARR_DEL15"], proba),
        "avg_precision": average_precision_score(test["ARR_DEL15"], proba),
        "base_rate": float(test["ARR_DEL15"].mean()),
    }
    print(json.dumps(metrics, indent=2))
    with open(args.out, "w") as f:
        json.dump(metrics, f, indent=2)


if __name__ == "__main__":
    main()
