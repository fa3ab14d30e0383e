"""Will a policy file a claim in the coming year? One snapshot of active policies (2022-12-31);
many customers hold several policies (multi-car, car + home), so every split is grouped by
customer_id to keep a customer's rows on one side."""
import argparse
import json
import logging

import numpy as np
import pandas as pd
from catboost import CatBoostClassifier
from sklearn.dummy import DummyClassifier
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score
from sklearn.model_selection import GroupKFold, GroupShuffleSplit

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
logger = logging.getLogger("claims")

SETTINGS = {
    "seed": 90210,
    "csv": "data/policies_snapshot_2022.csv",
    "target": "claim_next_year",
    "group": "customer_id",
    "cat_features": ["region", "vehicle_class", "channel", "payment_plan", "coverage"],
    "depth_grid": [4, 6, 8],
    "iterations": 800,
    "learning_rate": 0.05,
}


def fit_catboost(depth, X, y, cfg):
    model = CatBoostClassifier(iterations=cfg["iterations"], learning_rate=cfg["learning_rate"],
                               depth=depth, l2_leaf_reg=3, loss_function="Logloss",
                               random_seed=cfg["seed"], verbose=0)
    return model.fit(X, y, cat_features=cfg["cat_features"])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--csv", default=SETTINGS["csv"])
    args = ap.parse_args()
    cfg = dict(SETTINGS, csv=args.csv)

    pol = pd.read_csv(cfg["csv"])
    groups = pol[cfg["group"]]
    y = pol[cfg["target"]]
    X = pol.drop(columns=[cfg["target"], cfg["group"], "policy_id"])

    outer = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=cfg["seed"])
    dev_idx, test_idx = next(outer.split(X, y, groups))
    X_dev, y_dev, g_dev = X.iloc[dev_idx], y.iloc[dev_idx], groups.iloc[dev_idx]
    X_test, y_test = X.iloc[test_idx], y.iloc[test_idx]

    # GroupKFold is deterministic (no shuffling), so it needs no random_state
    gkf = GroupKFold(n_splits=5)
    cv_logloss = {}
    for depth in cfg["depth_grid"]:
        losses = []
        for tr, va in gkf.split(X_dev, y_dev, g_dev):
            m = fit_catboost(depth, X_dev.iloc[tr], y_dev.iloc[tr], cfg)
            losses.append(log_loss(y_dev.iloc[va], m.predict_proba(X_dev.iloc[va])[:, 1]))
        cv_logloss[depth] = float(np.mean(losses))
        logger.info("depth=%d  grouped-CV logloss=%.5f", depth, cv_logloss[depth])

    best_depth = min(cv_logloss, key=cv_logloss.get)
    final = fit_catboost(best_depth, X_dev, y_dev, cfg)
    prior = DummyClassifier(strategy="prior").fit(X_dev, y_dev)

    summary = {"cv_logloss": cv_logloss, "best_depth": best_depth, "test": {}}
    for name, est in (("prior", prior), ("catboost", final)):
        p = est.predict_proba(X_test)[:, 1]
        summary["test"][name] = {"roc_auc": roc_auc_score(y_test, p),
                                 "pr_auc": average_precision_score(y_test, p),
                                 "log_loss": log_loss(y_test, p)}
    print(json.dumps(summary, indent=2, default=float))


if __name__ == "__main__":
    main()
