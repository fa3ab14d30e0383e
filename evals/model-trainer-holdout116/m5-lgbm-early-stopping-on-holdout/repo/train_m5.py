"""Train the M5 (Walmart) item-store LightGBM model on the melted grid.

The grid parquet is produced by make_grid.py (sales + calendar + prices melted to one row
per id/day). Holdout = last 28 days, which is the horizon we forecast in production.
"""
import argparse
import random

import numpy as np
import pandas as pd
import lightgbm as lgb

HORIZON = 28
CAT_COLS = ["item_id", "dept_id", "cat_id", "store_id", "state_id", "event_name_1", "event_type_1"]


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--grid", default="data/m5_grid.parquet")
    p.add_argument("--store", default="CA_1")
    p.add_argument("--last-day", type=int, default=1913)
    p.add_argument("--lr", type=float, default=0.03)
    p.add_argument("--seed", type=int, default=1234)
    return p.parse_args()


def add_features(df):
    g = df.groupby("id")["sales"]
    for lag in (28, 35, 42, 49, 56):
        df[f"lag_{lag}"] = g.shift(lag)
    for w in (7, 14, 30, 60):
        df[f"rmean_28_{w}"] = g.transform(lambda s: s.shift(28).rolling(w).mean())
    gp = df.groupby("id")["sell_price"]
    df["price_norm"] = df["sell_price"] / gp.cummax()
    df["price_change_1"] = df["sell_price"] / gp.shift(1) - 1
    df["tm_dw"] = df["date"].dt.dayofweek
    df["tm_w"] = df["date"].dt.isocalendar().week.astype(int)
    df["tm_m"] = df["date"].dt.month
    return df


def main():
    args = parse_args()
    random.seed(args.seed)
    np.random.seed(args.seed)

    grid = pd.read_parquet(args.grid)
    grid = grid[grid["store_id"] == args.store].sort_values(["id", "d_num"])
    grid = add_features(grid)
    for c in CAT_COLS:
        grid[c] = grid[c].astype("category")

    features = [c for c in grid.columns if c not in ("id", "d", "d_num", "date", "sales", "wm_yr_wk")]
    split_day = args.last_day - HORIZON
    train = grid[(grid["d_num"] <= split_day) & grid["lag_56"].notna()]
    test = grid[grid["d_num"] > split_day]

    params = {
        "objective": "tweedie",
        "tweedie_variance_power": 1.1,
        "metric": "rmse",
        "learning_rate": args.lr,
        "num_leaves": 255,
        "min_data_in_leaf": 100,
        "feature_fraction": 0.7,
        "bagging_fraction": 0.7,
        "bagging_freq": 1,
        "lambda_l2": 0.1,
        "seed": args.seed,
        "verbose": -1,
    }
    dtrain = lgb.Dataset(train[features], train["sales"], categorical_feature=CAT_COLS)
    dtest = lgb.Dataset(test[features], test["sales"], reference=dtrain)

    booster = lgb.train(
        params,
        dtrain,
        num_boost_round=3000,
        valid_sets=[dtrain, dtest],
        valid_names=["train", "holdout"],
        callbacks=[lgb.early_stopping(stopping_rounds=100), lgb.log_evaluation(100)],
    )

    pred = booster.predict(test[features], num_iteration=booster.best_iteration)
    rmse = np.sqrt(np.mean((test["sales"].values - pred) ** 2))
    naive = test["lag_28"].fillna(0).values
    rmse_naive = np.sqrt(np.mean((test["sales"].values - naive) ** 2))
    print(f"[{args.store}] best_iter={booster.best_iteration} holdout RMSE={rmse:.4f} "
          f"(lag-28 naive {rmse_naive:.4f})")
    booster.save_model(f"models/lgb_{args.store}.txt", num_iteration=booster.best_iteration)


if __name__ == "__main__":
    main()
