"""Train the LambdaMART product-search ranker.

    python train_ranker.py --config configs/ranker.yaml
"""
import argparse
import json
from pathlib import Path

import lightgbm as lgb
import numpy as np
import yaml
from sklearn.metrics import ndcg_score

from search_ltr.data import FEATURES, group_sizes, load_judgments, split_by_query


def mean_ndcg(df, scores, query_col, label_col, k):
    vals = []
    for _, idx in df.groupby(query_col, sort=False).indices.items():
        if len(idx) < 2:
            continue
        vals.append(ndcg_score([df[label_col].to_numpy()[idx]], [scores[idx]], k=k))
    return float(np.mean(vals))


def main(cfg):
    dcfg = cfg["data"]
    qcol, ycol = dcfg["query_col"], dcfg["label_col"]
    df = load_judgments(dcfg["judgments"], qcol)
    train_df, test_df = split_by_query(df, qcol, dcfg["test_fraction"], cfg["seed"])
    print(f"queries: train={train_df[qcol].nunique()} test={test_df[qcol].nunique()}")

    ranker = lgb.LGBMRanker(random_state=cfg["seed"], **cfg["model"])
    ranker.fit(
        train_df[FEATURES], train_df[ycol],
        group=group_sizes(train_df, qcol),
        eval_set=[(test_df[FEATURES], test_df[ycol])],
        eval_group=[group_sizes(test_df, qcol)],
        eval_at=cfg["eval_at"],
        callbacks=[lgb.early_stopping(cfg["early_stopping_rounds"]), lgb.log_evaluation(200)],
    )

    test_scores = ranker.predict(test_df[FEATURES], num_iteration=ranker.best_iteration_)
    bm25_scores = test_df["bm25_title"].to_numpy() + test_df["bm25_description"].to_numpy()
    report = {"best_iteration": ranker.best_iteration_}
    for k in cfg["eval_at"]:
        report[f"ndcg@{k}"] = mean_ndcg(test_df, test_scores, qcol, ycol, k)
        report[f"bm25_ndcg@{k}"] = mean_ndcg(test_df, bm25_scores, qcol, ycol, k)
    print(json.dumps(report, indent=2))

    out = Path(cfg["output_dir"])
    out.mkdir(parents=True, exist_ok=True)
    ranker.booster_.save_model(str(out / "lambdamart.txt"))
    (out / "metrics.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/ranker.yaml")
    args = parser.parse_args()
    with open(args.config) as fh:
        main(yaml.safe_load(fh))
