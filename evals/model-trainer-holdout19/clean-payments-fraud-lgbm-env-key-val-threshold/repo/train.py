"""Payments fraud model: chronological train / valid / test, early stopping and threshold on valid."""
import logging

import lightgbm as lgb
import numpy as np
import pandas as pd
import wandb
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, precision_recall_curve, precision_score, recall_score, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from fraud import config
from fraud.features import FEATURES, add_features

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("fraud")


def threshold_for_precision(y, scores, target):
    prec, rec, thr = precision_recall_curve(y, scores)
    ok = np.flatnonzero(prec[:-1] >= target)
    return float(thr[ok[0]]) if ok.size else float(thr[-1])


def main():
    np.random.seed(config.SEED)
    use_wandb = bool(config.WANDB["api_key"])
    if use_wandb:
        wandb.login(key=config.WANDB["api_key"])
        run = wandb.init(project=config.WANDB["project"], entity=config.WANDB["entity"],
                         config=config.LGB_PARAMS)

    tx = add_features(pd.read_parquet(config.DATA))
    train = tx[tx["ts"] <= config.TRAIN_END]
    valid = tx[(tx["ts"] > config.TRAIN_END) & (tx["ts"] <= config.VALID_END)]
    test = tx[tx["ts"] > config.VALID_END]
    for name, part in [("train", train), ("valid", valid), ("test", test)]:
        log.info("%-5s %s..%s n=%d fraud=%.4f", name, part.ts.min(), part.ts.max(), len(part), part.is_fraud.mean())

    booster = lgb.train(
        config.LGB_PARAMS,
        lgb.Dataset(train[FEATURES], train["is_fraud"]),
        num_boost_round=5000,
        valid_sets=[lgb.Dataset(valid[FEATURES], valid["is_fraud"])],
        callbacks=[lgb.early_stopping(200), lgb.log_evaluation(200)],
    )
    valid_scores = booster.predict(valid[FEATURES], num_iteration=booster.best_iteration)
    threshold = threshold_for_precision(valid["is_fraud"], valid_scores, config.TARGET_PRECISION)

    numeric = [c for c in FEATURES if c != "mcc_group"]
    logit = make_pipeline(StandardScaler(), LogisticRegression(class_weight="balanced", max_iter=2000))
    logit.fit(train[numeric], train["is_fraud"])

    y_test = test["is_fraud"]
    s_test = booster.predict(test[FEATURES], num_iteration=booster.best_iteration)
    s_base = logit.predict_proba(test[numeric])[:, 1]
    flagged = s_test >= threshold
    metrics = {
        "threshold": threshold,
        "best_iteration": booster.best_iteration,
        "test_pr_auc": average_precision_score(y_test, s_test),
        "test_roc_auc": roc_auc_score(y_test, s_test),
        "test_precision": precision_score(y_test, flagged),
        "test_recall": recall_score(y_test, flagged),
        "baseline_logit_pr_auc": average_precision_score(y_test, s_base),
        "baseline_logit_roc_auc": roc_auc_score(y_test, s_base),
    }
    log.info(metrics)
    booster.save_model("artifacts/fraud_lgb.txt", num_iteration=booster.best_iteration)
    if use_wandb:
        run.log(metrics)
        run.finish()


if __name__ == "__main__":
    main()
