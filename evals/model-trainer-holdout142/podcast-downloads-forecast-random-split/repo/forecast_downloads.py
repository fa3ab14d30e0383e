"""Next-day download forecast per show (feeds the ad-inventory planner).

Input: daily_downloads.csv with one row per (show_id, date):
    show_id, date, downloads, episodes_released, category, is_holiday
"""
import argparse

import joblib
import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, mean_absolute_percentage_error
from sklearn.model_selection import train_test_split

LAGS = [1, 2, 3, 7, 14, 28]


def make_features(daily: pd.DataFrame) -> pd.DataFrame:
    daily = daily.sort_values(["show_id", "date"]).copy()
    g = daily.groupby("show_id")["downloads"]
    for lag in LAGS:
        daily[f"lag_{lag}"] = g.shift(lag)
    daily["roll_mean_7"] = g.transform(lambda s: s.shift(1).rolling(7).mean())
    daily["roll_std_7"] = g.transform(lambda s: s.shift(1).rolling(7).std())
    daily["roll_mean_28"] = g.transform(lambda s: s.shift(1).rolling(28).mean())
    daily["dow"] = daily["date"].dt.dayofweek
    daily["month"] = daily["date"].dt.month
    # new episode drops drive spikes; released count for the target day is known from the publishing schedule
    daily["episodes_released_next"] = daily.groupby("show_id")["episodes_released"].shift(-1)
    daily["target"] = g.shift(-1)
    daily["category"] = daily["category"].astype("category").cat.codes
    return daily.dropna(subset=[f"lag_{l}" for l in LAGS] + ["roll_mean_28", "target", "episodes_released_next"])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/daily_downloads.csv")
    ap.add_argument("--out", default="models/downloads_hgb.joblib")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()

    daily = pd.read_csv(args.data, parse_dates=["date"])
    print(f"{daily['show_id'].nunique()} shows, {daily['date'].min():%Y-%m-%d} -> {daily['date'].max():%Y-%m-%d}")

    feats = make_features(daily)
    feature_cols = [c for c in feats.columns if c.startswith(("lag_", "roll_"))] + [
        "dow", "month", "is_holiday", "category", "episodes_released_next",
    ]
    X = feats[feature_cols]
    y = np.log1p(feats["target"])

    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=args.seed)

    model = HistGradientBoostingRegressor(
        max_iter=800,
        learning_rate=0.05,
        max_leaf_nodes=63,
        l2_regularization=1.0,
        categorical_features=[feature_cols.index("category")],
        early_stopping=True,
        validation_fraction=0.1,
        random_state=args.seed,
    )
    model.fit(X_train, y_train)

    pred = np.expm1(model.predict(X_test))
    actual = np.expm1(y_test)
    naive = X_test["lag_1"]  # yesterday's downloads
    print(f"MAE   model {mean_absolute_error(actual, pred):,.1f} | naive {mean_absolute_error(actual, naive):,.1f}")
    print(f"MAPE  model {mean_absolute_percentage_error(actual + 1, pred + 1):.3%}")

    joblib.dump({"model": model, "features": feature_cols}, args.out)


if __name__ == "__main__":
    main()
