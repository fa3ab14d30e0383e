"""Next-day conversion forecast per campaign, used by the pacing alerts job.

Each row is one campaign-day. Features are lagged conversions/spend and the
day's budget, which is set the evening before.
"""
import argparse
from pathlib import Path

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import train_test_split

LAGS = [1, 2, 3, 7, 14]
SEED = 42


def add_lag_features(daily):
    daily = daily.sort_values(["campaign_id", "date"]).copy()
    g = daily.groupby("campaign_id")
    for lag in LAGS:
        daily[f"conv_lag_{lag}"] = g["conversions"].shift(lag)
        daily[f"spend_lag_{lag}"] = g["spend"].shift(lag)
    daily["conv_roll7"] = g["conversions"].transform(lambda s: s.shift(1).rolling(7).mean())
    daily["ctr_roll7"] = g["ctr"].transform(lambda s: s.shift(1).rolling(7).mean())
    daily["cpa_roll7"] = g["spend"].transform(lambda s: s.shift(1).rolling(7).sum()) / (
        daily["conv_roll7"] * 7 + 1.0
    )
    daily["dow"] = daily["date"].dt.dayofweek
    daily["days_live"] = g.cumcount()
    return daily.dropna(subset=[f"conv_lag_{max(LAGS)}", "conv_roll7"])


def evaluate(name, y_true, y_pred):
    mae = mean_absolute_error(y_true, y_pred)
    rmse = np.sqrt(mean_squared_error(y_true, y_pred))
    print(f"{name:<22} MAE={mae:.2f} RMSE={rmse:.2f}")
    return mae


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="data/campaign_daily.csv")
    parser.add_argument("--model-out", default="models/conv_forecast.json")
    args = parser.parse_args()

    daily = pd.read_csv(args.data, parse_dates=["date"])
    daily = add_lag_features(daily)
    daily["channel_code"] = daily["channel"].astype("category").cat.codes

    feature_cols = [
        c for c in daily.columns if c.startswith(("conv_lag", "spend_lag", "conv_roll", "ctr_roll", "cpa_roll"))
    ]
    feature_cols += ["daily_budget", "dow", "days_live", "channel_code"]
    X = daily[feature_cols]
    y = daily["conversions"]
    print(f"{len(daily):,} campaign-days, {daily['campaign_id'].nunique()} campaigns, "
          f"{daily['date'].min():%Y-%m-%d} to {daily['date'].max():%Y-%m-%d}")

    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=SEED)

    model = xgb.XGBRegressor(
        n_estimators=600,
        learning_rate=0.05,
        max_depth=6,
        subsample=0.8,
        colsample_bytree=0.8,
        objective="count:poisson",
        random_state=SEED,
    )
    model.fit(X_train, y_train)
    pred = model.predict(X_test)

    evaluate("seasonal naive (t-7)", y_test, X_test["conv_lag_7"])
    evaluate("7-day mean", y_test, X_test["conv_roll7"])
    evaluate("xgboost", y_test, pred)

    errors = pd.DataFrame({"campaign_id": daily.loc[X_test.index, "campaign_id"], "abs_err": np.abs(y_test - pred)})
    print(errors.groupby("campaign_id")["abs_err"].mean().sort_values(ascending=False).head(10))

    importance = pd.Series(model.feature_importances_, index=feature_cols).sort_values(ascending=False)
    print(importance.head(10))

    Path(args.model_out).parent.mkdir(parents=True, exist_ok=True)
    model.save_model(args.model_out)


if __name__ == "__main__":
    main()
