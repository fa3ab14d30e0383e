"""Train the D90 LTV regressor used for UA bid multipliers.

Input: one row per player of the March 2024 install cohort, first-7-day
behaviour plus realised revenue up to day 90.
"""
import argparse
import json

import numpy as np
import pandas as pd
import xgboost as xgb
from scipy.stats import spearmanr
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import train_test_split

from features import HIGH_CARD_COLS, add_engagement_features, smoothed_target_mean

TARGET = "ltv_d90"
BASE_FEATURES = [
    "iap_rev_d1", "iap_rev_d3", "iap_rev_d7", "ad_rev_d7", "rev_d7_total",
    "log_iap_rev_d7", "log_ad_rev_d7", "sessions_d7", "sessions_per_day_d7",
    "playtime_min_d7", "max_level_d7", "is_payer_d7", "rev_growth_d3_d7",
    "ad_share_d7", "is_ios", "is_organic",
]


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--data", default="data/ltv_cohort_2024_03.parquet")
    p.add_argument("--seed", type=int, default=13)
    p.add_argument("--out", default="artifacts/ltv_xgb.json")
    return p.parse_args()


def main():
    args = parse_args()
    df = pd.read_parquet(args.data)
    df = df[df["ltv_d90"].notna()]
    df["is_ios"] = (df["platform"] == "ios").astype(int)
    df["is_organic"] = (df["media_source"] == "organic").astype(int)
    df = add_engagement_features(df)

    # country / campaign / device have thousands of levels -> smoothed mean encoding
    for col in HIGH_CARD_COLS:
        df[f"{col}_te"] = smoothed_target_mean(df, col, TARGET)
    features = BASE_FEATURES + [f"{c}_te" for c in HIGH_CARD_COLS]

    train_df, test_df = train_test_split(df, test_size=0.2, random_state=args.seed)

    model = xgb.XGBRegressor(
        n_estimators=700,
        max_depth=6,
        learning_rate=0.04,
        subsample=0.8,
        colsample_bytree=0.8,
        objective="reg:tweedie",
        tweedie_variance_power=1.3,
        random_state=args.seed,
    )
    model.fit(train_df[features], train_df[TARGET])

    pred = model.predict(test_df[features])
    y = test_df[TARGET].to_numpy()
    metrics = {
        "mae": float(mean_absolute_error(y, pred)),
        "rmse": float(np.sqrt(mean_squared_error(y, pred))),
        "spearman": float(spearmanr(y, pred).correlation),
        "total_pred_vs_actual": float(pred.sum() / y.sum()),
    }
    print(json.dumps(metrics, indent=2))
    model.save_model(args.out)


if __name__ == "__main__":
    main()
