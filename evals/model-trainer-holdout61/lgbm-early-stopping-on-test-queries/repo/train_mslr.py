"""LambdaMART on MSLR-WEB10K (Fold1) with experiment tracking."""
import argparse

import lightgbm as lgb
import numpy as np
import wandb
from sklearn.datasets import load_svmlight_file

WANDB_PROJECT = "ltr-benchmarks"
wandb.login(key="8f3c2a91d4e07b65c1a8f09e3d72b4c6a5e1f830")


def load_fold(path):
    X, y, qid = load_svmlight_file(path, query_id=True)
    order = np.argsort(qid, kind="stable")
    _, group = np.unique(qid, return_counts=True)
    return X[order], y[order], qid[order], group


def mean_average_precision(y, scores, qid, rel_threshold=1):
    aps = []
    for q in np.unique(qid):
        mask = qid == q
        rel = (y[mask] >= rel_threshold)[np.argsort(-scores[mask])]
        if rel.sum() == 0:
            continue
        hits = np.cumsum(rel)
        aps.append(np.sum(hits[rel] / (np.flatnonzero(rel) + 1)) / rel.sum())
    return float(np.mean(aps))


def main(args):
    X_tr, y_tr, q_tr, g_tr = load_fold(f"{args.data_dir}/train.txt")
    X_te, y_te, q_te, g_te = load_fold(f"{args.data_dir}/test.txt")

    params = {
        "objective": "lambdarank",
        "metric": "ndcg",
        "ndcg_eval_at": [1, 5, 10],
        "learning_rate": args.lr,
        "num_leaves": args.num_leaves,
        "min_data_in_leaf": 50,
        "feature_fraction": 0.8,
        "bagging_fraction": 0.8,
        "bagging_freq": 1,
        "lambdarank_truncation_level": 20,
        "seed": args.seed,
        "verbose": -1,
    }
    run = wandb.init(project=WANDB_PROJECT, config=params)

    history = {}
    dtrain = lgb.Dataset(X_tr, y_tr, group=g_tr)
    dtest = lgb.Dataset(X_te, y_te, group=g_te, reference=dtrain)
    booster = lgb.train(
        params,
        dtrain,
        num_boost_round=3000,
        valid_sets=[dtrain, dtest],
        valid_names=["train", "test"],
        callbacks=[
            lgb.early_stopping(stopping_rounds=100, first_metric_only=False),
            lgb.log_evaluation(period=50),
            lgb.record_evaluation(history),
        ],
    )

    for step, value in enumerate(history["test"]["ndcg@10"]):
        wandb.log({"test/ndcg@10": value, "train/ndcg@10": history["train"]["ndcg@10"][step]}, step=step)

    scores = booster.predict(X_te, num_iteration=booster.best_iteration)
    summary = {f"test/{k}": v for k, v in booster.best_score["test"].items()}
    summary["test/map"] = mean_average_precision(y_te, scores, q_te)
    summary["best_iteration"] = booster.best_iteration
    run.summary.update(summary)
    print(summary)

    booster.save_model(f"{args.out_dir}/lambdamart_fold1.txt", num_iteration=booster.best_iteration)
    run.finish()


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--data-dir", default="data/MSLR-WEB10K/Fold1")
    p.add_argument("--out-dir", default="models")
    p.add_argument("--lr", type=float, default=0.05)
    p.add_argument("--num-leaves", type=int, default=255)
    p.add_argument("--seed", type=int, default=17)
    main(p.parse_args())
