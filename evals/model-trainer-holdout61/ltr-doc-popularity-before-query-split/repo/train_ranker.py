"""Train the LambdaMART ranker for the help-center search."""
import argparse
import json

import lightgbm as lgb
import numpy as np
import pandas as pd
import yaml
from sklearn.metrics import ndcg_score
from sklearn.model_selection import GroupShuffleSplit

from ranking.features import (
    POPULARITY_FEATURES,
    TEXT_FEATURES,
    add_document_popularity,
    add_text_match_features,
)


def group_sizes(df):
    return df.groupby("query_id", sort=False).size().to_numpy()


def mean_ndcg(df, score_col, k):
    scores = []
    for _, grp in df.groupby("query_id"):
        if len(grp) < 2 or grp["relevance"].max() == 0:
            continue
        scores.append(ndcg_score([grp["relevance"].to_numpy()], [grp[score_col].to_numpy()], k=k))
    return float(np.mean(scores))


def main(cfg_path):
    with open(cfg_path) as fh:
        cfg = yaml.safe_load(fh)
    seed = cfg["seed"]

    df = pd.read_parquet(cfg["data"]["judgments"])
    df = add_text_match_features(df)
    df = add_document_popularity(df)
    features = TEXT_FEATURES + POPULARITY_FEATURES

    outer = GroupShuffleSplit(n_splits=1, test_size=cfg["data"]["test_fraction"], random_state=seed)
    train_idx, test_idx = next(outer.split(df, groups=df["query_id"]))
    train_df, test_df = df.iloc[train_idx], df.iloc[test_idx]

    inner = GroupShuffleSplit(n_splits=1, test_size=cfg["data"]["valid_fraction"], random_state=seed)
    fit_idx, val_idx = next(inner.split(train_df, groups=train_df["query_id"]))
    fit_df = train_df.iloc[fit_idx].sort_values("query_id")
    val_df = train_df.iloc[val_idx].sort_values("query_id")
    test_df = test_df.sort_values("query_id").copy()

    ranker = lgb.LGBMRanker(random_state=seed, **cfg["model"])
    ranker.fit(
        fit_df[features],
        fit_df["relevance"],
        group=group_sizes(fit_df),
        eval_set=[(val_df[features], val_df["relevance"])],
        eval_group=[group_sizes(val_df)],
        eval_at=cfg["eval_at"],
        callbacks=[lgb.early_stopping(100), lgb.log_evaluation(100)],
    )

    test_df["model_score"] = ranker.predict(test_df[features], num_iteration=ranker.best_iteration_)
    test_df["bm25_score"] = test_df["bm25_title"] + test_df["bm25_body"]

    report = {"best_iteration": int(ranker.best_iteration_)}
    for k in cfg["eval_at"]:
        report[f"ndcg@{k}"] = mean_ndcg(test_df, "model_score", k)
        report[f"bm25_ndcg@{k}"] = mean_ndcg(test_df, "bm25_score", k)
    print(json.dumps(report, indent=2))

    ranker.booster_.save_model("artifacts/lambdamart.txt", num_iteration=ranker.best_iteration_)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="config.yaml")
    main(parser.parse_args().config)
