"""Second-stage reranker for the home-feed: LightGBM LambdaRank over retrieval candidates.

Input: one row per (session, candidate item) produced by the retrieval stage, with
`clicked` as relevance. Sessions of the same user never cross splits.
"""
import argparse
import logging

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import ndcg_score
from sklearn.model_selection import GroupShuffleSplit

log = logging.getLogger("ranker")

FEATURES = [
    "retrieval_score", "retrieval_rank", "item_ctr_7d", "item_pop_30d", "item_age_days",
    "user_cat_affinity", "user_sessions_30d", "price_rel_user_median", "same_brand_last_click",
    "hour_of_day", "is_weekend",
]


def grouped_ndcg(df, score_col, k=10):
    vals = []
    for _, g in df.groupby("session_id", sort=False):
        if g["clicked"].sum() == 0 or len(g) < 2:
            continue
        vals.append(ndcg_score([g["clicked"].values], [g[score_col].values], k=k))
    return float(np.mean(vals))


def mrr(df, score_col):
    rr = []
    for _, g in df.groupby("session_id", sort=False):
        if g["clicked"].sum() == 0:
            continue
        order = g.sort_values(score_col, ascending=False)["clicked"].values
        rr.append(1.0 / (np.argmax(order) + 1))
    return float(np.mean(rr))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--candidates", default="data/feed_candidates.parquet")
    ap.add_argument("--out", default="models/ranker.txt")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO)

    cand = pd.read_parquet(args.candidates).sort_values(["session_id", "retrieval_rank"])
    log.info("%d rows, %d sessions, %d users", len(cand), cand["session_id"].nunique(), cand["user_id"].nunique())

    outer = GroupShuffleSplit(n_splits=1, test_size=0.2)
    dev_idx, test_idx = next(outer.split(cand, groups=cand["user_id"]))
    dev, test = cand.iloc[dev_idx], cand.iloc[test_idx]
    dev_users = dev["user_id"].unique()
    val_users = np.random.choice(dev_users, size=len(dev_users) // 8, replace=False)
    val = dev[dev["user_id"].isin(val_users)]
    train = dev[~dev["user_id"].isin(val_users)]

    def lgb_set(df, ref=None):
        sizes = df.groupby("session_id", sort=False).size().values
        return lgb.Dataset(df[FEATURES], df["clicked"], group=sizes, reference=ref)

    dtrain = lgb_set(train)
    dval = lgb_set(val, dtrain)
    params = {
        "objective": "lambdarank", "metric": "ndcg", "eval_at": [5, 10],
        "learning_rate": 0.05, "num_leaves": 63, "min_data_in_leaf": 100,
        "feature_fraction": 0.8, "bagging_fraction": 0.8, "bagging_freq": 1,
        "lambdarank_truncation_level": 20, "seed": 99, "verbose": -1,
    }
    booster = lgb.train(params, dtrain, num_boost_round=2000, valid_sets=[dval],
                        callbacks=[lgb.early_stopping(100), lgb.log_evaluation(100)])
    booster.save_model(args.out)

    test = test.assign(ranker=booster.predict(test[FEATURES], num_iteration=booster.best_iteration),
                       retrieval=-test["retrieval_rank"])
    for col in ("retrieval", "ranker"):
        log.info("test %-9s NDCG@10 %.4f  MRR %.4f", col, grouped_ndcg(test, col), mrr(test, col))


if __name__ == "__main__":
    main()
