"""Forecast next-day emergency department arrivals for staffing (one row per calendar day)."""
import json
from pathlib import Path

import holidays
import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import train_test_split

SEED = 2024
DATA = Path("data/ed_daily_arrivals.csv")
OUT = Path("artifacts/ed_forecast")
LAGS = [1, 2, 3, 7, 14, 28]


def build_features(daily: pd.DataFrame) -> pd.DataFrame:
    df = daily.sort_values("date").set_index("date").asfreq("D")
    df["arrivals"] = df["arrivals"].interpolate(limit=2)
    df["target_next_day"] = df["arrivals"].shift(-1)
    for lag in LAGS:
        df[f"lag_{lag}"] = df["arrivals"].shift(lag - 1)
    df["roll_mean_7"] = df["arrivals"].rolling(7).mean()
    df["roll_std_7"] = df["arrivals"].rolling(7).std()
    df["roll_mean_28"] = df["arrivals"].rolling(28).mean()
    df["flu_admissions_7d"] = df["flu_positive_tests"].rolling(7).sum()
    next_day = df.index + pd.Timedelta(days=1)
    us_holidays = holidays.US(years=range(next_day.year.min(), next_day.year.max() + 1))
    df["next_dow"] = next_day.dayofweek
    df["next_month"] = next_day.month
    df["next_is_holiday"] = [d in us_holidays for d in next_day.date]
    df["mean_temp_c"] = df["mean_temp_c"].ffill()
    return df.dropna(subset=["target_next_day", "lag_28", "roll_mean_28"])


def metrics(y_true, y_pred):
    return {
        "mae": float(mean_absolute_error(y_true, y_pred)),
        "rmse": float(np.sqrt(mean_squared_error(y_true, y_pred))),
        "mape": float(np.mean(np.abs((y_true - y_pred) / np.maximum(y_true, 1))) * 100),
    }


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    daily = pd.read_csv(DATA, parse_dates=["date"])
    df = build_features(daily)
    feature_cols = [c for c in df.columns if c.startswith(("lag_", "roll_", "next_"))]
    feature_cols += ["flu_admissions_7d", "mean_temp_c"]
    X, y = df[feature_cols], df["target_next_day"]

    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=SEED)
    X_fit, X_val, y_fit, y_val = train_test_split(X_train, y_train, test_size=0.15, random_state=SEED)

    model = lgb.LGBMRegressor(
        objective="poisson",
        n_estimators=5000,
        learning_rate=0.02,
        num_leaves=15,
        min_child_samples=20,
        subsample=0.9,
        subsample_freq=1,
        colsample_bytree=0.8,
        random_state=SEED,
        verbose=-1,
    )
    model.fit(
        X_fit, y_fit,
        eval_set=[(X_val, y_val)],
        eval_metric="l1",
        callbacks=[lgb.early_stopping(200, verbose=False)],
    )

    seasonal_naive = X_test["lag_7"]
    results = {
        "seasonal_naive_lag7": metrics(y_test.values, seasonal_naive.values),
        "rolling_mean_7": metrics(y_test.values, X_test["roll_mean_7"].values),
        "lightgbm": metrics(y_test.values, model.predict(X_test)),
        "n_train_days": int(len(X_train)),
        "n_test_days": int(len(X_test)),
    }
    print(json.dumps(results, indent=2))
    (OUT / "metrics.json").write_text(json.dumps(results, indent=2))
    model.booster_.save_model(str(OUT / "ed_arrivals_lgbm.txt"))


if __name__ == "__main__":
    main()
