"""Simulated pool-based active learning for catalog categorisation.

Uses the existing category_l2 labels as the oracle to estimate how many items
the merchandising team would need to annotate with margin sampling.
"""
import json
import sys
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
from modAL.models import ActiveLearner
from modAL.uncertainty import margin_sampling
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split


def initial_indices(y, per_class, rng):
    idx = []
    for c in np.unique(y):
        members = np.flatnonzero(y == c)
        idx.extend(rng.choice(members, size=min(per_class, len(members)), replace=False))
    return np.array(idx)


def main(cfg_path="al_config.json"):
    cfg = json.loads(Path(cfg_path).read_text())
    rng = np.random.default_rng(cfg["seed"])

    X = np.load(cfg["embeddings"])
    items = pd.read_csv(cfg["labels"])
    y = items[cfg["label_column"]].astype("category").cat.codes.to_numpy()
    assert len(X) == len(y)

    X_pool, X_test, y_pool, y_test = train_test_split(
        X, y, test_size=cfg["test_fraction"], stratify=y, random_state=cfg["seed"]
    )

    init = initial_indices(y_pool, cfg["initial_per_class"], rng)
    learner = ActiveLearner(
        estimator=LogisticRegression(C=cfg["C"], max_iter=3000, random_state=cfg["seed"]),
        query_strategy=margin_sampling,
        X_training=X_pool[init],
        y_training=y_pool[init],
    )
    X_pool = np.delete(X_pool, init, axis=0)
    y_pool = np.delete(y_pool, init)

    n_labeled = len(init)
    best_acc = learner.score(X_test, y_test)
    history = [{"round": 0, "n_labeled": n_labeled, "test_acc": best_acc}]
    Path(cfg["model_path"]).parent.mkdir(parents=True, exist_ok=True)
    joblib.dump(learner.estimator, cfg["model_path"])

    for r in range(1, cfg["max_queries"] + 1):
        query_idx, _ = learner.query(X_pool, n_instances=cfg["batch_size"])
        learner.teach(X_pool[query_idx], y_pool[query_idx])
        X_pool = np.delete(X_pool, query_idx, axis=0)
        y_pool = np.delete(y_pool, query_idx)
        n_labeled += len(query_idx)

        acc = learner.score(X_test, y_test)
        history.append({"round": r, "n_labeled": n_labeled, "test_acc": acc})
        print(f"round {r:3d}  labeled={n_labeled:5d}  test_acc={acc:.4f}")

        if acc > best_acc:
            best_acc = acc
            joblib.dump(learner.estimator, cfg["model_path"])
        if acc >= cfg["target_accuracy"]:
            print(f"target {cfg['target_accuracy']} reached with {n_labeled} labels")
            break

    Path(cfg["history_path"]).parent.mkdir(parents=True, exist_ok=True)
    pd.DataFrame(history).to_csv(cfg["history_path"], index=False)
    print(f"best test accuracy {best_acc:.4f} -> {cfg['model_path']}")


if __name__ == "__main__":
    main(*sys.argv[1:])
