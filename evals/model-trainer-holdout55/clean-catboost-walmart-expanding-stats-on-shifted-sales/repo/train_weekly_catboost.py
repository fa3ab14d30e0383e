"""Weekly department sales (Walmart-style) with CatBoost and causal, expanding store-dept statistics."""
import json
from pathlib import Path

import numpy as np
import pandas as pd
from catboost import CatBoostRegressor, Pool

DATA = Path("data/walmart_weekly.csv")
OUT = Path("artifacts/catboost_weekly")
SEED = 8
VALID_START, TEST_START = "2011-11-04", "2012-05-04"
CAT_COLS = ["Store", "Dept", "Type"]


def load() -> pd.DataFrame:
    df = pd.read_csv(DATA, parse_dates=["Date"])
    df = df.sort_values(["Store", "Dept", "Date"]).reset_index(drop=True)
    df["Store"], df["Dept"] = df["Store"].astype(str), df["Dept"].astype(str)
    return df


def add_history_features(df: pd.DataFrame) -> pd.DataFrame:
    g = df.groupby(["Store", "Dept"], sort=False)["Weekly_Sales"]
    df["lag_1"] = g.shift(1)
    df["lag_2"] = g.shift(2)
    df["lag_52"] = g.shift(52)
    prev = g.shift(1)
    by_series = prev.groupby([df["Store"], df["Dept"]], sort=False)
    df["expanding_mean"] = by_series.transform(lambda s: s.expanding(min_periods=4).mean())
    df["rolling_mean_8"] = by_series.transform(lambda s: s.rolling(8, min_periods=4).mean())
    df["rolling_std_8"] = by_series.transform(lambda s: s.rolling(8, min_periods=4).std())
    df["yoy_ratio"] = df["lag_1"] / df.groupby(["Store", "Dept"], sort=False)["lag_52"].shift(1)
    df["week"] = df["Date"].dt.isocalendar().week.astype(int)
    return df.replace([np.inf, -np.inf], np.nan)


def wmae(y, p, holiday):
    w = np.where(holiday, 5.0, 1.0)
    return float(np.sum(w * np.abs(y - p)) / np.sum(w))


def main() -> None:
    df = add_history_features(load()).dropna(subset=["lag_1", "expanding_mean"])
    features = CAT_COLS + ["IsHoliday", "Size", "Temperature", "Fuel_Price", "CPI", "Unemployment", "week",
                           "lag_1", "lag_2", "lag_52", "expanding_mean", "rolling_mean_8", "rolling_std_8", "yoy_ratio"]
    train = df[df["Date"] < VALID_START]
    valid = df[(df["Date"] >= VALID_START) & (df["Date"] < TEST_START)]
    test = df[df["Date"] >= TEST_START]

    model = CatBoostRegressor(
        iterations=6000, learning_rate=0.04, depth=8, loss_function="MAE",
        has_time=True, random_seed=SEED, od_type="Iter", od_wait=300, verbose=500,
    )
    model.fit(Pool(train[features], train["Weekly_Sales"], cat_features=CAT_COLS),
              eval_set=Pool(valid[features], valid["Weekly_Sales"], cat_features=CAT_COLS),
              use_best_model=True)

    y, hol = test["Weekly_Sales"].to_numpy(), test["IsHoliday"].to_numpy()
    candidates = {
        "catboost": model.predict(test[features]),
        "last_week": test["lag_1"].to_numpy(),
        "same_week_last_year": test["lag_52"].fillna(test["lag_1"]).to_numpy(),
    }
    report = {}
    for name, p in candidates.items():
        report[name] = {"wmae": wmae(y, p, hol), "mae": float(np.mean(np.abs(y - p))),
                        "rmse": float(np.sqrt(np.mean((y - p) ** 2)))}
    print(pd.DataFrame(report).T.round(1))
    OUT.mkdir(parents=True, exist_ok=True)
    model.save_model(str(OUT / "model.cbm"))
    (OUT / "test_report.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
