"""Next-day skier visits for the Hochalm resort (lift-gate scans aggregated per day).

Usage: python forecast_visitors.py --scans data/gate_scans_daily.csv --weather data/station_weather.csv
"""
import argparse
import json
import logging

import holidays
import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import KFold

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
log = logging.getLogger("visitors")

PARAMS = {
    "objective": "poisson",
    "learning_rate": 0.03,
    "num_leaves": 31,
    "min_data_in_leaf": 25,
    "feature_fraction": 0.8,
    "bagging_fraction": 0.8,
    "bagging_freq": 1,
    "lambda_l2": 2.0,
    "seed": 17,
    "verbose": -1,
}
NUM_ROUNDS = 900


def build_frame(scans_csv, weather_csv):
    visits = pd.read_csv(scans_csv, parse_dates=["date"])
    weather = pd.read_csv(weather_csv, parse_dates=["date"])
    df = visits.merge(weather, on="date", how="left").sort_values("date").reset_index(drop=True)

    at_holidays = holidays.country_holidays("AT", years=df["date"].dt.year.unique())
    df["dow"] = df["date"].dt.dayofweek
    df["month"] = df["date"].dt.month
    df["is_holiday"] = df["date"].isin(pd.to_datetime(list(at_holidays))).astype(int)
    df["season_day"] = (df["date"] - df.groupby("season")["date"].transform("min")).dt.days

    for lag in (1, 2, 7, 14):
        df[f"visits_lag{lag}"] = df["visits"].shift(lag)
    df["visits_roll7"] = df["visits"].shift(1).rolling(7).mean()
    df["fresh_snow_3d"] = df["fresh_snow_cm"].rolling(3, min_periods=1).sum()
    return df.dropna(subset=["visits_lag14", "visits_roll7"]).reset_index(drop=True)


FEATURES = ["dow", "month", "is_holiday", "season_day", "snow_depth_cm", "fresh_snow_cm",
            "fresh_snow_3d", "temp_max_c", "wind_kmh", "sunshine_h",
            "visits_lag1", "visits_lag2", "visits_lag7", "visits_lag14", "visits_roll7"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scans", required=True)
    ap.add_argument("--weather", required=True)
    ap.add_argument("--report", default="cv_report.json")
    args = ap.parse_args()

    df = build_frame(args.scans, args.weather)
    X, y = df[FEATURES], df["visits"]
    log.info("%d days from %s to %s", len(df), df["date"].min().date(), df["date"].max().date())

    kf = KFold(n_splits=5, shuffle=True, random_state=17)
    fold_rows = []
    for fold, (fit_idx, val_idx) in enumerate(kf.split(X)):
        dtrain = lgb.Dataset(X.iloc[fit_idx], label=y.iloc[fit_idx])
        booster = lgb.train(PARAMS, dtrain, num_boost_round=NUM_ROUNDS)
        pred = booster.predict(X.iloc[val_idx])
        naive = X.iloc[val_idx]["visits_lag7"]  # same weekday last week
        fold_rows.append({
            "fold": fold,
            "mae": mean_absolute_error(y.iloc[val_idx], pred),
            "rmse": mean_squared_error(y.iloc[val_idx], pred) ** 0.5,
            "naive_mae": mean_absolute_error(y.iloc[val_idx], naive),
        })
        log.info("fold %d: %s", fold, fold_rows[-1])

    summary = {k: float(np.mean([r[k] for r in fold_rows])) for k in ("mae", "rmse", "naive_mae")}
    log.info("CV summary: %s", summary)

    final = lgb.train(PARAMS, lgb.Dataset(X, label=y), num_boost_round=NUM_ROUNDS)
    final.save_model("visitors_lgb.txt")
    with open(args.report, "w") as fh:
        json.dump({"folds": fold_rows, "summary": summary}, fh, indent=2)


if __name__ == "__main__":
    main()
