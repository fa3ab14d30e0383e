#!/usr/bin/env python
"""Days-late regression for the carrier scorecard.

Target: max(0, delivered_date - promised_date) in days, Poisson loss.
"""
import sys

import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, mean_poisson_deviance

SERVICE_LEVEL = {"economy": 0, "standard": 1, "express": 2, "same_day": 3}
DROP = ["tracking_number", "recipient_name", "recipient_phone", "street_address", "label_pdf_url",
        "delivered_ts", "delivered_date", "last_scan_status", "n_delivery_attempts"]
FEATURES = ["carrier_id", "service_level_code", "origin_wh_id", "dest_zone", "log_distance_km",
            "log_weight_kg", "volumetric_ratio", "promised_days", "dispatch_dow", "dispatch_hour",
            "dispatch_month", "is_peak_week", "wh_backlog_at_dispatch"]
CAT_FEATURES = ["carrier_id", "service_level_code", "origin_wh_id", "dest_zone"]


def prepare(raw: pd.DataFrame) -> pd.DataFrame:
    df = raw[(raw["shipment_status"] == "delivered") & (~raw["is_test_account"])].copy()
    df = df.drop_duplicates("shipment_id")
    df["dispatch_ts"] = pd.to_datetime(df["dispatch_ts"])
    df["delivered_date"] = pd.to_datetime(df["delivered_date"])
    df["promised_date"] = pd.to_datetime(df["promised_date"])

    df["days_late"] = (df["delivered_date"] - df["promised_date"]).dt.days.clip(lower=0)
    df["promised_days"] = (df["promised_date"] - df["dispatch_ts"].dt.normalize()).dt.days
    df["dispatch_dow"] = df["dispatch_ts"].dt.dayofweek
    df["dispatch_hour"] = df["dispatch_ts"].dt.hour
    df["dispatch_month"] = df["dispatch_ts"].dt.month
    df["is_peak_week"] = df["dispatch_ts"].dt.isocalendar().week.astype(int).between(46, 51).astype(int)

    # physical limits of the parcel network, not data-driven
    df["parcel_weight_kg"] = df["parcel_weight_kg"].clip(0.05, 31.5)
    df["log_weight_kg"] = np.log1p(df["parcel_weight_kg"])
    df["log_distance_km"] = np.log1p(df["distance_km"])
    df["volumetric_ratio"] = (df["length_cm"] * df["width_cm"] * df["height_cm"] / 5000) / df["parcel_weight_kg"]
    df["service_level_code"] = df["service_level"].map(SERVICE_LEVEL).fillna(1).astype(int)
    return df.drop(columns=DROP).sort_values("dispatch_ts").reset_index(drop=True)


def main(path="data/shipments.parquet", test_from="2024-02-01", valid_from="2024-01-01"):
    df = prepare(pd.read_parquet(path))

    train = df[df["dispatch_ts"] < valid_from]
    valid = df[(df["dispatch_ts"] >= valid_from) & (df["dispatch_ts"] < test_from)]
    test = df[df["dispatch_ts"] >= test_from]
    print(f"train {len(train):,}  valid {len(valid):,}  test {len(test):,}")

    cat_mask = [f in CAT_FEATURES for f in FEATURES]
    results = {}
    for lr in (0.03, 0.1):
        m = HistGradientBoostingRegressor(loss="poisson", learning_rate=lr, max_iter=400,
                                          categorical_features=cat_mask, early_stopping=False, random_state=0)
        m.fit(train[FEATURES], train["days_late"])
        results[lr] = (mean_poisson_deviance(valid["days_late"], np.clip(m.predict(valid[FEATURES]), 1e-6, None)), m)
        print(f"lr={lr}: valid poisson deviance {results[lr][0]:.4f}")

    best_lr = min(results, key=lambda k: results[k][0])
    model = results[best_lr][1]
    pred = model.predict(test[FEATURES])
    print(f"chosen lr={best_lr}")
    print(f"test MAE {mean_absolute_error(test['days_late'], pred):.3f} days | "
          f"poisson dev {mean_poisson_deviance(test['days_late'], np.clip(pred, 1e-6, None)):.4f}")
    print("baseline MAE (predict 0):", round(mean_absolute_error(test["days_late"], np.zeros(len(test))), 3))


if __name__ == "__main__":
    main(*sys.argv[1:])
