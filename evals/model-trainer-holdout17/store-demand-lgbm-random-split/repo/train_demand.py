"""Daily item x store demand model (LightGBM, tweedie objective).

Usage:
    python train_demand.py --sales data/sales_daily.parquet --rounds 2000
"""
import argparse
import json
import logging

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import train_test_split

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
log = logging.getLogger("demand")

SEED = 7
PARAMS = {
    "objective": "tweedie",
    "tweedie_variance_power": 1.2,
    "learning_rate": 0.05,
    "num_leaves": 63,
    "min_data_in_leaf": 50,
    "feature_fraction": 0.8,
    "bagging_fraction": 0.8,
    "bagging_freq": 1,
    "seed": SEED,
    "verbose": -1,
}
FEATURES = [
    "store_id", "item_id", "dow", "month", "is_promo", "sell_price",
    "lag_7", "lag_14", "lag_28", "rmean_7_28",
]


def make_features(sales: pd.DataFrame) -> pd.DataFrame:
    sales = sales.sort_values(["store_id", "item_id", "date"]).copy()
    grp = sales.groupby(["store_id", "item_id"])["units"]
    for lag in (7, 14, 28):
        sales[f"lag_{lag}"] = grp.shift(lag)
    sales["rmean_7_28"] = grp.transform(lambda s: s.shift(7).rolling(28).mean())
    sales["dow"] = sales["date"].dt.dayofweek
    sales["month"] = sales["date"].dt.month
    sales["is_promo"] = sales["promo"].fillna(0).astype(int)
    for col in ("store_id", "item_id"):
        sales[col] = sales[col].astype("category")
    return sales.dropna(subset=["lag_28", "rmean_7_28"])


def wape(y_true, y_pred):
    return float(np.abs(y_true - y_pred).sum() / np.abs(y_true).sum())


def report(name, y_true, y_pred):
    out = {
        "mae": float(mean_absolute_error(y_true, y_pred)),
        "rmse": float(np.sqrt(mean_squared_error(y_true, y_pred))),
        "wape": wape(y_true, y_pred),
    }
    log.info("%-16s %s", name, json.dumps(out))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sales", default="data/sales_daily.parquet")
    ap.add_argument("--rounds", type=int, default=2000)
    ap.add_argument("--model-out", default="models/demand_lgbm.txt")
    args = ap.parse_args()

    sales = pd.read_parquet(args.sales)
    sales["date"] = pd.to_datetime(sales["date"])
    log.info("%d rows, %s -> %s", len(sales), sales["date"].min().date(), sales["date"].max().date())

    frame = make_features(sales)
    X, y = frame[FEATURES], frame["units"]

    X_train, X_rest, y_train, y_rest = train_test_split(X, y, test_size=0.3, shuffle=True, random_state=SEED)
    X_valid, X_test, y_valid, y_test = train_test_split(X_rest, y_rest, test_size=0.5, random_state=SEED)
    log.info("train=%d valid=%d test=%d", len(X_train), len(X_valid), len(X_test))

    dtrain = lgb.Dataset(X_train, y_train)
    dvalid = lgb.Dataset(X_valid, y_valid, reference=dtrain)
    booster = lgb.train(
        PARAMS,
        dtrain,
        num_boost_round=args.rounds,
        valid_sets=[dvalid],
        callbacks=[lgb.early_stopping(100), lgb.log_evaluation(200)],
    )

    metrics = {
        "seasonal_naive_lag7": report("seasonal naive", y_test, X_test["lag_7"]),
        "lgbm": report("lgbm", y_test, booster.predict(X_test, num_iteration=booster.best_iteration)),
        "best_iteration": booster.best_iteration,
    }
    booster.save_model(args.model_out)
    print(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    main()
