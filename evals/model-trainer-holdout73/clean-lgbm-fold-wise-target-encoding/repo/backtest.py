"""SKU x region daily order forecast: expanding-window backtest with per-fold encodings."""
import json
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd

from encoding import MeanEncoder

SEED = 606
HORIZON = 14
CUTOFFS = ["2023-09-30", "2023-10-31", "2023-11-30", "2023-12-31", "2024-01-31"]
TEST_CUTOFF = "2024-02-29"
TE_COLS = ["sku", "brand", "sku_region"]
PARAMS = dict(objective="poisson", learning_rate=0.05, num_leaves=63, min_data_in_leaf=100,
              feature_fraction=0.8, bagging_fraction=0.8, bagging_freq=1, lambda_l2=1.0,
              seed=SEED, verbose=-1)
N_ROUNDS = 700


def load() -> pd.DataFrame:
    df = pd.read_parquet("data/sku_region_daily_orders.parquet")
    df["sku_region"] = df["sku"].astype(str) + "|" + df["region"].astype(str)
    df = df.sort_values(["sku_region", "date"])
    g = df.groupby("sku_region")["orders"]
    for lag in (14, 21, 28):
        df[f"lag_{lag}"] = g.shift(lag)
    df["ma_28"] = g.transform(lambda s: s.shift(HORIZON).rolling(28, min_periods=7).mean())
    df["dow"] = df["date"].dt.dayofweek
    df["region"] = df["region"].astype("category")
    return df.dropna(subset=["lag_28"])


FEATURES = ["region", "dow", "price", "discount_pct", "is_campaign", "lag_14", "lag_21", "lag_28", "ma_28",
            *[f"te_{c}" for c in TE_COLS]]


def fit_predict(df: pd.DataFrame, cutoff: str):
    cutoff = pd.Timestamp(cutoff)
    train = df[df["date"] <= cutoff]
    test = df[(df["date"] > cutoff) & (df["date"] <= cutoff + pd.Timedelta(days=HORIZON))]
    enc = MeanEncoder(TE_COLS).fit(train)
    train, test = enc.transform(train), enc.transform(test)
    booster = lgb.train(PARAMS, lgb.Dataset(train[FEATURES], train["orders"]), num_boost_round=N_ROUNDS)
    return test, booster.predict(test[FEATURES])


def scores(y: np.ndarray, p: np.ndarray) -> dict:
    return {"wape": float(np.abs(y - p).sum() / y.sum()), "mae": float(np.abs(y - p).mean()),
            "bias": float((p.sum() - y.sum()) / y.sum())}


def main() -> None:
    df = load()
    rows = []
    for cutoff in CUTOFFS:
        test, pred = fit_predict(df, cutoff)
        y = test["orders"].to_numpy()
        rows.append({"cutoff": cutoff, "model": "lgbm", **scores(y, pred)})
        rows.append({"cutoff": cutoff, "model": "ma_28", **scores(y, test["ma_28"].to_numpy())})
    cv = pd.DataFrame(rows)
    print(cv.groupby("model")[["wape", "mae", "bias"]].mean())

    test, pred = fit_predict(df, TEST_CUTOFF)
    y = test["orders"].to_numpy()
    final = {"lgbm": scores(y, pred), "ma_28": scores(y, test["ma_28"].to_numpy()),
             "lag_14": scores(y, test["lag_14"].to_numpy())}
    print(json.dumps(final, indent=2))
    Path("reports").mkdir(exist_ok=True)
    cv.to_csv("reports/backtest_folds.csv", index=False)
    Path("reports/final_holdout.json").write_text(json.dumps(final, indent=2))


if __name__ == "__main__":
    main()
