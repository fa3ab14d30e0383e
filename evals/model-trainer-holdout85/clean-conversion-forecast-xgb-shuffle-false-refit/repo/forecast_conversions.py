"""Daily conversion forecast per campaign for budget pacing.

Conversions are attributed back to the click date and keep arriving for up to
CONVERSION_LAG_DAYS, so the most recent days are not final yet and are dropped.
"""
import argparse
import json
from pathlib import Path

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import RandomizedSearchCV, TimeSeriesSplit, train_test_split

SEED = 77
CONVERSION_LAG_DAYS = 10
LAGS = [10, 11, 12, 14, 21, 28]


def build_features(daily):
    daily = daily.sort_values(["campaign_id", "date"]).copy()
    g = daily.groupby("campaign_id")
    for lag in LAGS:
        daily[f"conv_lag_{lag}"] = g["conversions"].shift(lag)
    daily["clicks_lag_1"] = g["clicks"].shift(1)
    daily["spend_lag_1"] = g["spend"].shift(1)
    daily["conv_roll28"] = g["conversions"].transform(lambda s: s.shift(CONVERSION_LAG_DAYS).rolling(28).mean())
    daily["dow"] = daily["date"].dt.dayofweek
    daily["month"] = daily["date"].dt.month
    daily = daily.dropna(subset=[f"conv_lag_{max(LAGS)}", "conv_roll28"])
    return daily.sort_values(["date", "campaign_id"]).reset_index(drop=True)


def report(name, y_true, y_pred):
    mae = mean_absolute_error(y_true, y_pred)
    rmse = float(np.sqrt(mean_squared_error(y_true, y_pred)))
    print(f"{name:<28} MAE={mae:.2f} RMSE={rmse:.2f}")
    return {"mae": mae, "rmse": rmse}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="data/campaign_daily_2023_2024.csv")
    parser.add_argument("--out", default="models/conversion_forecast")
    args = parser.parse_args()

    daily = pd.read_csv(args.data, parse_dates=["date"])
    matured = daily[daily["date"] <= daily["date"].max() - pd.Timedelta(days=CONVERSION_LAG_DAYS)]
    frame = build_features(matured)
    feature_cols = [c for c in frame.columns if c.startswith(("conv_lag", "conv_roll", "clicks_lag", "spend_lag"))]
    feature_cols += ["daily_budget", "dow", "month"]
    X, y = frame[feature_cols], frame["conversions"]

    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.15, shuffle=False)
    print(f"train until {frame.loc[X_train.index, 'date'].max():%Y-%m-%d}, "
          f"test {frame.loc[X_test.index, 'date'].min():%Y-%m-%d}..{frame.loc[X_test.index, 'date'].max():%Y-%m-%d}")

    search = RandomizedSearchCV(
        xgb.XGBRegressor(objective="count:poisson", tree_method="hist", random_state=SEED),
        {
            "n_estimators": [300, 600, 1000],
            "learning_rate": [0.02, 0.05, 0.1],
            "max_depth": [4, 6, 8],
            "subsample": [0.7, 0.9],
            "colsample_bytree": [0.7, 0.9],
        },
        n_iter=20,
        cv=TimeSeriesSplit(n_splits=4),
        scoring="neg_mean_absolute_error",
        random_state=SEED,
    )
    search.fit(X_train, y_train)
    print("best params:", search.best_params_)

    metrics = {
        "seasonal_naive": report("same weekday 2 weeks ago", y_test, X_test["conv_lag_14"]),
        "rolling_mean": report("28-day mean", y_test, X_test["conv_roll28"]),
        "xgboost": report("xgboost", y_test, search.best_estimator_.predict(X_test)),
    }

    production = xgb.XGBRegressor(
        objective="count:poisson", tree_method="hist", random_state=SEED, **search.best_params_
    )
    production.fit(X, y)

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    production.save_model(out / "model.json")
    (out / "holdout_metrics.json").write_text(json.dumps({"params": search.best_params_, **metrics}, indent=2))


if __name__ == "__main__":
    main()
