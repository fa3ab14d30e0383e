"""Entropy-sampling active learning for the comment-toxicity classifier.

The moderators' historical decisions serve as the simulated oracle; every round
is logged to W&B so we can compare against the random-sampling run.
"""
import argparse

import numpy as np
import pandas as pd
import wandb
import yaml
from modAL.models import ActiveLearner
from modAL.uncertainty import entropy_sampling
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score


def parse():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    ap.add_argument("--run-name", default=None)
    return ap.parse_args()


def main():
    args = parse()
    cfg = yaml.safe_load(open(args.config))
    wandb.login(key=cfg["wandb"]["api_key"])
    run = wandb.init(project=cfg["wandb"]["project"], entity=cfg["wandb"]["entity"],
                     name=args.run_name, config=cfg)

    rng = np.random.default_rng(cfg["seed"])
    X = np.load(cfg["data"]["embeddings"])
    comments = pd.read_csv(cfg["data"]["comments"])
    y = comments[cfg["data"]["label_col"]].astype(int).to_numpy()
    n = len(y)
    print(f"{n} comments, toxic rate {y.mean():.3f}")

    all_idx = np.arange(n)
    test_idx = rng.choice(n, size=int(cfg["split"]["test_frac"] * n), replace=False)
    train_idx = np.setdiff1d(all_idx, test_idx)
    seed_idx = rng.choice(train_idx, size=cfg["al"]["seed_size"], replace=False)

    learner = ActiveLearner(
        estimator=LogisticRegression(C=cfg["model"]["C"], class_weight=cfg["model"]["class_weight"],
                                     max_iter=2000, random_state=cfg["seed"]),
        query_strategy=entropy_sampling,
        X_training=X[seed_idx], y_training=y[seed_idx],
    )

    pool_idx = np.setdiff1d(all_idx, seed_idx)
    for r in range(1, cfg["al"]["rounds"] + 1):
        q, _ = learner.query(X[pool_idx], n_instances=cfg["al"]["batch"])
        picked = pool_idx[q]
        learner.teach(X[picked], y[picked])
        pool_idx = np.setdiff1d(pool_idx, picked)

        scores = learner.predict_proba(X[test_idx])[:, 1]
        metrics = {
            "n_labeled": len(seed_idx) + r * cfg["al"]["batch"],
            "test_f1": f1_score(y[test_idx], scores >= 0.5),
            "test_pr_auc": average_precision_score(y[test_idx], scores),
            "batch_toxic_rate": y[picked].mean(),
        }
        wandb.log(metrics, step=r)
        print(r, {k: round(float(v), 4) for k, v in metrics.items()})

    run.finish()


if __name__ == "__main__":
    main()
