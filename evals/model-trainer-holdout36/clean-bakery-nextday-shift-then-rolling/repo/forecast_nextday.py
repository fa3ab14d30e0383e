"""Next-day unit forecasts per (shop, product) for the bakery chain.

Orders for day D are placed in the evening of D-1 after the tills close, so
sales up to and including D-1 are known when the forecast is made: every
history feature below is built from the series shifted by one day.
"""
import argparse
import json
import logging
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd

LOG = logging.getLogger("bakery")
SEED = 5
KEYS = ["shop", "product"]
CUTS = {"valid": "2023-01-01", "test": "2023-04-01", "end": "2023-07-01"}


def history_features(df: pd.DataFrame) -> pd.DataFrame:
    df = df.sort_values(KEYS + ["date"]).copy()
    yesterday = df.groupby(KEYS)["units"].shift(1)
    df["lag_1"] = yesterday
    df["lag_7"] = df.groupby(KEYS)["units"].shift(7)
    df["lag_14"] = df.groupby(KEYS)["units"].shift(14)
    by_series = yesterday.groupby([df[k] for k in KEYS])
    df["roll_mean_7"] = by_series.transform(lambda s: s.rolling(7, min_periods=4).mean())
    df["roll_mean_28"] = by_series.transform(lambda s: s.rolling(28, min_periods=14).mean())
    df["roll_std_28"] = by_series.transform(lambda s: s.rolling(28, min_periods=14).std())
    df["ewm_14"] = by_series.transform(lambda s: s.ewm(halflife=14, min_periods=7).mean())
    df["expanding_mean"] = by_series.transform(lambda s: s.expanding(min_periods=28).mean())
    df["dow"] = df["date"].dt.dayofweek
    df["month"] = df["date"].dt.month
    df["is_holiday"] = df["date"].isin(pd.to_datetime(HOLIDAYS)).astype(int)
    return df


HOLIDAYS = [
    "2021-12-25", "2021-12-26", "2022-01-01", "2022-04-15", "2022-04-18", "2022-05-01",
    "2022-12-25", "2022-12-26", "2023-01-01", "2023-04-07", "2023-04-10", "2023-05-01",
]


def metrics(y, p):
    return {
        "mae": float(np.mean(np.abs(y - p))),
        "rmse": float(np.sqrt(np.mean((y - p) ** 2))),
        "wape": float(np.abs(y - p).sum() / y.sum()),
    }


def main(src: str, out_dir: str) -> None:
    sales = pd.read_csv(src, parse_dates=["date"])
    frame = history_features(sales).dropna(subset=["lag_14", "roll_mean_28", "expanding_mean"])
    for k in KEYS:
        frame[k] = frame[k].astype("category")
    features = ["shop", "product", "lag_1", "lag_7", "lag_14", "roll_mean_7", "roll_mean_28",
                "roll_std_28", "ewm_14", "expanding_mean", "dow", "month", "is_holiday", "price"]

    fit_rows = frame[frame["date"] < CUTS["valid"]]
    es_rows = frame[(frame["date"] >= CUTS["valid"]) & (frame["date"] < CUTS["test"])]
    test_rows = frame[(frame["date"] >= CUTS["test"]) & (frame["date"] < CUTS["end"])]
    LOG.info("fit %s..%s | early-stop %s..%s | test %s..%s",
             fit_rows.date.min().date(), fit_rows.date.max().date(),
             es_rows.date.min().date(), es_rows.date.max().date(),
             test_rows.date.min().date(), test_rows.date.max().date())

    model = lgb.LGBMRegressor(
        objective="poisson", n_estimators=5000, learning_rate=0.03, num_leaves=63,
        min_child_samples=50, subsample=0.8, subsample_freq=1, colsample_bytree=0.8,
        random_state=SEED, verbose=-1,
    )
    model.fit(
        fit_rows[features], fit_rows["units"],
        eval_set=[(es_rows[features], es_rows["units"])],
        eval_metric="l1",
        callbacks=[lgb.early_stopping(200, verbose=False)],
    )
    LOG.info("best iteration %d", model.best_iteration_)

    y = test_rows["units"].to_numpy(dtype=float)
    report = {
        "lightgbm": metrics(y, model.predict(test_rows[features], num_iteration=model.best_iteration_)),
        "naive_yesterday": metrics(y, test_rows["lag_1"].to_numpy(dtype=float)),
        "naive_last_week": metrics(y, test_rows["lag_7"].to_numpy(dtype=float)),
    }
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    (out / "test_metrics.json").write_text(json.dumps(report, indent=2))
    model.booster_.save_model(str(out / "bakery_lgbm.txt"))
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sales", default="data/bakery_daily_sales.csv")
    ap.add_argument("--out", default="artifacts")
    args = ap.parse_args()
    main(args.sales, args.out)
