"""Daily sales by store x category for the convenience chain (XGBoost, log target)."""
import argparse
import json
from pathlib import Path

import numpy as np
import pandas as pd
import xgboost as xgb

SEED = 1009
DOW = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


def prepare(df: pd.DataFrame, calendar: pd.DataFrame) -> pd.DataFrame:
    df = df.merge(calendar, on="date", how="left").sort_values(["store", "category", "date"])
    # closed days arrive as NaN from the POS export
    df["sales"] = df["sales"].fillna(0.0).clip(lower=0)
    df["log_sales"] = np.log1p(df["sales"])
    df["promo_depth"] = (1 - df["avg_price"] / df["list_price"]).clip(0, 0.9).fillna(0)
    dow = pd.Categorical(df["date"].dt.day_name().str[:3], categories=DOW)
    df = df.join(pd.get_dummies(dow, prefix="dow", dtype=float).set_index(df.index))
    df["month"] = df["date"].dt.month
    df["payday_week"] = df["date"].dt.day.isin(range(25, 32)).astype(int)
    df["is_holiday"] = df["holiday_name"].notna().astype(int)
    df["days_after_holiday"] = df["days_since_holiday"].clip(upper=14)
    g = df.groupby(["store", "category"])["log_sales"]
    for lag in (7, 14, 21, 28, 364):
        df[f"lag_{lag}"] = g.shift(lag)
    df["rmean_28"] = g.transform(lambda s: s.shift(7).rolling(28, min_periods=14).mean())
    df["store_code"] = df["store"].astype("category").cat.codes
    df["category_code"] = df["category"].astype("category").cat.codes
    return df


def time_split(df: pd.DataFrame, valid_days: int, test_days: int):
    end = df["date"].max()
    t0 = end - pd.Timedelta(days=test_days)
    v0 = t0 - pd.Timedelta(days=valid_days)
    return df[df["date"] <= v0], df[(df["date"] > v0) & (df["date"] <= t0)], df[df["date"] > t0]


def metrics(y_log: np.ndarray, pred_log: np.ndarray) -> dict:
    y, p = np.expm1(y_log), np.expm1(pred_log).clip(min=0)
    return {
        "wape": float(np.abs(y - p).sum() / y.sum()),
        "mae": float(np.abs(y - p).mean()),
        "rmsle": float(np.sqrt(np.mean((y_log - np.log1p(p)) ** 2))),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sales", type=Path, default=Path("data/store_category_daily.csv"))
    ap.add_argument("--calendar", type=Path, default=Path("data/calendar.csv"))
    ap.add_argument("--out", type=Path, default=Path("artifacts/category_xgb"))
    args = ap.parse_args()

    raw = pd.read_csv(args.sales, parse_dates=["date"])
    cal = pd.read_csv(args.calendar, parse_dates=["date"])
    df = prepare(raw, cal).dropna(subset=["lag_28"])

    features = (
        ["store_code", "category_code", "promo_depth", "month", "payday_week", "is_holiday", "days_after_holiday"]
        + [f"dow_{d}" for d in DOW]
        + [f"lag_{k}" for k in (7, 14, 21, 28, 364)]
        + ["rmean_28"]
    )
    train, valid, test = time_split(df, valid_days=56, test_days=56)

    model = xgb.XGBRegressor(
        n_estimators=3000, learning_rate=0.03, max_depth=8, min_child_weight=10,
        subsample=0.8, colsample_bytree=0.8, reg_lambda=2.0, tree_method="hist",
        early_stopping_rounds=150, random_state=SEED,
    )
    model.fit(train[features], train["log_sales"], eval_set=[(valid[features], valid["log_sales"])], verbose=250)

    report = {
        "best_iteration": int(model.best_iteration),
        "xgb": metrics(test["log_sales"].to_numpy(), model.predict(test[features])),
        "lag_7_naive": metrics(test["log_sales"].to_numpy(), test["lag_7"].to_numpy()),
        "rolling_28_mean": metrics(test["log_sales"].to_numpy(), test["rmean_28"].to_numpy()),
    }
    print(json.dumps(report, indent=2))
    args.out.mkdir(parents=True, exist_ok=True)
    model.save_model(args.out / "model.json")
    (args.out / "report.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
