"""Weekly failure-risk model for the air-compressor fleet.

Input: daily sensor aggregates per compressor (exported from the historian) and the
work-order table. Target: does the unit have an unplanned failure in the next 7 days
(roughly 1 asset-day in 80 is positive).
"""
import argparse

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.dummy import DummyClassifier
from sklearn.metrics import accuracy_score

SEED = 13
SENSORS = ["discharge_temp", "oil_temp", "discharge_pressure", "motor_current", "vib_rms", "vib_peak"]


def build_features(daily: pd.DataFrame) -> pd.DataFrame:
    daily = daily.sort_values(["asset_id", "date"]).copy()
    g = daily.groupby("asset_id")
    for s in SENSORS:
        daily[f"{s}_mean7"] = g[s].transform(lambda x: x.rolling(7, min_periods=1).mean())
        daily[f"{s}_max7"] = g[s].transform(lambda x: x.rolling(7, min_periods=1).max())
        daily[f"{s}_delta7"] = daily[s] - g[s].shift(7)
    daily["days_since_service"] = g["serviced"].transform(
        lambda x: x.groupby(x.cumsum()).cumcount()
    )
    return daily


def add_label(daily: pd.DataFrame, orders: pd.DataFrame, horizon: int = 7) -> pd.DataFrame:
    fails = orders.loc[orders["type"] == "unplanned", ["asset_id", "date"]].assign(fail=1)
    daily = daily.merge(fails.drop_duplicates(), on=["asset_id", "date"], how="left")
    daily["fail"] = daily["fail"].fillna(0)
    daily["fail_next_7d"] = (
        daily.groupby("asset_id")["fail"]
        .transform(lambda x: x[::-1].rolling(horizon, min_periods=1).max()[::-1].shift(-1))
        .fillna(0)
        .astype(int)
    )
    return daily


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--daily", default="exports/compressor_daily.csv")
    ap.add_argument("--orders", default="exports/work_orders.csv")
    ap.add_argument("--cutoff", default="2023-07-01")
    args = ap.parse_args()

    daily = pd.read_csv(args.daily, parse_dates=["date"])
    orders = pd.read_csv(args.orders, parse_dates=["date"])
    df = add_label(build_features(daily), orders).dropna()

    print("positive rate:", df["fail_next_7d"].mean().round(4))
    print(df["fail_next_7d"].value_counts())

    feature_cols = [c for c in df.columns if c not in ("asset_id", "date", "fail", "fail_next_7d", "serviced")]
    train = df[df["date"] < args.cutoff]
    test = df[df["date"] >= pd.Timestamp(args.cutoff) + pd.Timedelta(days=7)]

    pos_weight = (train["fail_next_7d"] == 0).sum() / max(train["fail_next_7d"].sum(), 1)
    model = xgb.XGBClassifier(
        n_estimators=400,
        max_depth=5,
        learning_rate=0.05,
        subsample=0.8,
        colsample_bytree=0.8,
        scale_pos_weight=pos_weight,
        eval_metric="logloss",
        random_state=SEED,
    )
    model.fit(train[feature_cols], train["fail_next_7d"])

    baseline = DummyClassifier(strategy="most_frequent").fit(train[feature_cols], train["fail_next_7d"])

    for name, clf in [("majority", baseline), ("xgboost", model)]:
        pred = clf.predict(test[feature_cols])
        print(f"{name:>9s} accuracy: {accuracy_score(test['fail_next_7d'], pred):.4f}")

    model.save_model("models/compressor_fail7d.json")


if __name__ == "__main__":
    main()
