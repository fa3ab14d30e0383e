"""Late-delivery risk model.

Predicts, at dispatch time, whether a shipment will arrive after the promised delivery date.
Used to trigger proactive "your parcel may be late" emails and carrier re-allocation.

    python train_delay_model.py --shipments data/shipments.parquet --out models/delay_hgb.joblib
"""
import argparse

import joblib
import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import train_test_split

CAT_COLS = ["carrier", "service_level", "origin_warehouse", "dest_region"]
NUM_COLS = [
    "distance_km", "parcel_weight_kg", "promised_days", "dispatch_hour", "dispatch_dow",
    "is_peak_week", "wh_backlog_at_dispatch", "carrier_volume_7d", "carrier_volume_ratio",
    "is_remote_postcode", "n_parcels",
]


def build_features(ship: pd.DataFrame) -> pd.DataFrame:
    ship = ship.sort_values("dispatch_ts").reset_index(drop=True)
    ship["is_late"] = (ship["delivered_ts"].dt.normalize() > ship["promised_date"]).astype(int)
    ship["promised_days"] = (ship["promised_date"] - ship["dispatch_ts"].dt.normalize()).dt.days
    ship["dispatch_hour"] = ship["dispatch_ts"].dt.hour
    ship["dispatch_dow"] = ship["dispatch_ts"].dt.dayofweek
    ship["is_peak_week"] = ship["dispatch_ts"].dt.isocalendar().week.isin([47, 48, 49, 50, 51]).astype(int)

    # daily parcels handed to each carrier, trailing 7 days (excluding today)
    daily = (ship.groupby(["carrier", ship["dispatch_ts"].dt.normalize().rename("day")])
                 .size().rename("n").reset_index())
    daily["carrier_volume_7d"] = (daily.groupby("carrier")["n"]
                                       .transform(lambda s: s.shift(1).rolling(7, min_periods=1).sum()))
    daily["carrier_volume_28d_avg"] = (daily.groupby("carrier")["n"]
                                            .transform(lambda s: s.shift(1).rolling(28, min_periods=7).mean() * 7))
    ship["day"] = ship["dispatch_ts"].dt.normalize()
    ship = ship.merge(daily[["carrier", "day", "carrier_volume_7d", "carrier_volume_28d_avg"]],
                      on=["carrier", "day"], how="left")
    ship["carrier_volume_ratio"] = ship["carrier_volume_7d"] / ship["carrier_volume_28d_avg"]

    for c in CAT_COLS:
        ship[c] = ship[c].astype("category").cat.codes
    return ship


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shipments", default="data/shipments.parquet")
    ap.add_argument("--out", default="models/delay_hgb.joblib")
    ap.add_argument("--test-size", type=float, default=0.2)
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args()

    ship = pd.read_parquet(args.shipments)
    ship = ship[ship["delivered_ts"].notna()]
    df = build_features(ship)
    print(f"{len(df):,} shipments from {df['dispatch_ts'].min():%Y-%m-%d} to {df['dispatch_ts'].max():%Y-%m-%d}")
    print(f"late rate: {df['is_late'].mean():.3%}")

    X = df[CAT_COLS + NUM_COLS]
    y = df["is_late"]
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=args.test_size, stratify=y, random_state=args.seed
    )

    cat_mask = np.array([c in CAT_COLS for c in X.columns])
    model = HistGradientBoostingClassifier(
        learning_rate=0.05,
        max_iter=800,
        max_leaf_nodes=63,
        l2_regularization=1.0,
        categorical_features=cat_mask,
        early_stopping=True,
        validation_fraction=0.1,
        random_state=args.seed,
    )
    model.fit(X_train, y_train)

    p = model.predict_proba(X_test)[:, 1]
    print(f"ROC AUC  {roc_auc_score(y_test, p):.4f}")
    print(f"PR AUC   {average_precision_score(y_test, p):.4f}")
    print(f"Brier    {brier_score_loss(y_test, p):.4f}")

    joblib.dump(model, args.out)


if __name__ == "__main__":
    main()
