"""Pointwise click model for the marketplace reranker.

Scores (query, listing, position) impressions with P(click). The model is retrained nightly and
serves the next day's traffic, so features only use history strictly before each impression.
"""
import argparse
import json
from pathlib import Path

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score
from sklearn.model_selection import train_test_split

SEED = 97
FEATURES = [
    "position", "hour", "is_mobile", "query_len", "title_match", "price_rank_in_serp",
    "listing_prior_impr", "listing_prior_ctr", "query_listing_prior_ctr", "seller_rating",
]


def load_impressions(path):
    df = pd.read_parquet(path)
    df["event_time"] = pd.to_datetime(df["event_time"], utc=True)
    return df.sort_values("event_time").reset_index(drop=True)


def add_history_features(df, prior_strength=20.0):
    global_ctr = df["clicked"].mean()
    by_listing = df.groupby("listing_id")["clicked"]
    df["listing_prior_impr"] = by_listing.cumcount()
    prior_clicks = by_listing.cumsum() - df["clicked"]
    df["listing_prior_ctr"] = (prior_clicks + prior_strength * global_ctr) / (
        df["listing_prior_impr"] + prior_strength)

    by_pair = df.groupby(["query_norm", "listing_id"])["clicked"]
    pair_impr = by_pair.cumcount()
    pair_clicks = by_pair.cumsum() - df["clicked"]
    df["query_listing_prior_ctr"] = (pair_clicks + prior_strength * global_ctr) / (
        pair_impr + prior_strength)

    df["hour"] = df["event_time"].dt.hour
    df["query_len"] = df["query_norm"].str.split().str.len()
    df["price_rank_in_serp"] = df.groupby("serp_id")["price"].rank(method="dense")
    return df


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--impressions", default="data/impressions_last_60d.parquet")
    ap.add_argument("--out", default="artifacts/click_model")
    args = ap.parse_args()

    df = add_history_features(load_impressions(args.impressions))
    print(f"{len(df):,} impressions, CTR={df['clicked'].mean():.4f}, "
          f"{df['event_time'].min()} .. {df['event_time'].max()}")

    train, test = train_test_split(df, test_size=0.2, random_state=SEED, stratify=df["clicked"])
    train, valid = train_test_split(train, test_size=0.1, random_state=SEED,
                                    stratify=train["clicked"])

    model = xgb.XGBClassifier(
        n_estimators=2000, learning_rate=0.05, max_depth=7, min_child_weight=20,
        subsample=0.8, colsample_bytree=0.8, tree_method="hist",
        eval_metric="logloss", early_stopping_rounds=100, random_state=SEED,
    )
    model.fit(train[FEATURES], train["clicked"],
              eval_set=[(valid[FEATURES], valid["clicked"])], verbose=200)

    p_test = model.predict_proba(test[FEATURES])[:, 1]
    p_prior = test["listing_prior_ctr"].to_numpy()
    report = {}
    for name, p in [("listing_prior_ctr", p_prior), ("xgb_click_model", p_test)]:
        report[name] = {
            "auc": roc_auc_score(test["clicked"], p),
            "pr_auc": average_precision_score(test["clicked"], p),
            "logloss": log_loss(test["clicked"], np.clip(p, 1e-6, 1 - 1e-6)),
        }
    print(json.dumps(report, indent=2))

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    model.save_model(out / "click_model.json")
    (out / "metrics.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
