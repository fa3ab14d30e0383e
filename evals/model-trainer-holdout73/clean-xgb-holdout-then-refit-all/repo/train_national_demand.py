"""Day-ahead half-hourly national demand (GB ND) with XGBoost.

1. train on history up to VALID_START, early-stop on the validation months
2. score the untouched test period once against a weekly-persistence baseline
3. refit on everything with the selected number of trees and export for the daily run
"""
import argparse
import json
from pathlib import Path

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import mean_absolute_error, mean_absolute_percentage_error, root_mean_squared_error

SEED = 314
VALID_START = "2023-04-01"
TEST_START = "2023-10-01"
PARAMS = dict(
    n_estimators=5000, learning_rate=0.02, max_depth=7, min_child_weight=20, subsample=0.8,
    colsample_bytree=0.8, reg_lambda=5.0, tree_method="hist", objective="reg:absoluteerror",
)


def load(path: Path) -> pd.DataFrame:
    df = pd.read_csv(path, parse_dates=["settlement_ts"]).set_index("settlement_ts").sort_index()
    df = df[~df.index.duplicated()].asfreq("30min")
    df["nd_mw"] = df["nd_mw"].interpolate(limit=4)
    return df


def features(df: pd.DataFrame, bank_holidays: pd.DatetimeIndex) -> pd.DataFrame:
    out = pd.DataFrame(index=df.index)
    out["y"] = df["nd_mw"]
    # day-ahead: the latest demand known at gate closure is 48 periods back
    for lag in (48, 96, 336, 672):
        out[f"lag_{lag}"] = df["nd_mw"].shift(lag)
    out["roll_mean_336"] = df["nd_mw"].shift(48).rolling(336, min_periods=200).mean()
    out["embedded_solar_fc"] = df["embedded_solar_forecast_mw"]
    out["embedded_wind_fc"] = df["embedded_wind_forecast_mw"]
    out["temp_fc"] = df["temp_forecast_c"]
    out["period"] = df.index.hour * 2 + df.index.minute // 30
    out["dow"] = df.index.dayofweek
    out["doy"] = df.index.dayofyear
    out["bank_holiday"] = df.index.normalize().isin(bank_holidays).astype(int)
    return out.dropna()


def evaluate(y: np.ndarray, pred: np.ndarray) -> dict:
    return {
        "mae": float(mean_absolute_error(y, pred)),
        "rmse": float(root_mean_squared_error(y, pred)),
        "mape": float(mean_absolute_percentage_error(y, pred)),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--demand", type=Path, default=Path("data/gb_demand_halfhourly.csv"))
    ap.add_argument("--holidays", type=Path, default=Path("data/gb_bank_holidays.csv"))
    ap.add_argument("--out", type=Path, default=Path("artifacts/nd_xgb"))
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    bank_holidays = pd.DatetimeIndex(pd.read_csv(args.holidays, parse_dates=["date"])["date"])
    data = features(load(args.demand), bank_holidays)
    X, y = data.drop(columns="y"), data["y"]

    train = data.index < VALID_START
    valid = (data.index >= VALID_START) & (data.index < TEST_START)
    test = data.index >= TEST_START

    model = xgb.XGBRegressor(**PARAMS, early_stopping_rounds=200, random_state=SEED)
    model.fit(X[train], y[train], eval_set=[(X[valid], y[valid])], verbose=500)
    n_trees = model.best_iteration + 1

    report = {
        "n_trees": n_trees,
        "xgb": evaluate(y[test].values, model.predict(X[test], iteration_range=(0, n_trees))),
        "weekly_persistence": evaluate(y[test].values, X.loc[test, "lag_336"].values),
    }
    print(json.dumps(report, indent=2))
    (args.out / "holdout_report.json").write_text(json.dumps(report, indent=2))

    # Production model: same settings, all available history (scale trees for the larger sample).
    final_trees = int(n_trees * len(X) / train.sum())
    final = xgb.XGBRegressor(**{**PARAMS, "n_estimators": final_trees}, random_state=SEED)
    final.fit(X, y, verbose=False)
    final.save_model(args.out / "nd_xgb_production.json")


if __name__ == "__main__":
    main()
