"""Predict which big-top rigging setups will fail the safety inspection before the show opens.

python -m rigging.main --config config/run.json
"""
import argparse
import json
import logging

import numpy as np
import pandas as pd
from catboost import CatBoostClassifier
from sklearn.calibration import CalibratedClassifierCV
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score

from rigging.splits import four_way

log = logging.getLogger("rigging")
NUMERIC = ["mast_height_m", "n_guy_lines", "wind_forecast_ms", "hours_since_setup", "stake_depth_cm",
           "rain_24h_mm", "crew_size", "tent_age_years"]


def report(name, y, p):
    log.info("%-22s AP %.3f  ROC-AUC %.3f  Brier %.4f", name, average_precision_score(y, p),
             roc_auc_score(y, p), brier_score_loss(y, p))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", required=True)
    cfg = json.load(open(ap.parse_args().config))
    logging.basicConfig(level=logging.INFO)

    df = pd.read_csv(cfg["data_path"])
    feats = NUMERIC + cfg["cat_features"]
    tgt = cfg["target"]
    train, valid, calib, test = four_way(df, tgt, cfg["split"], cfg["seed"])

    gbm = CatBoostClassifier(**cfg["catboost"], random_seed=cfg["seed"], cat_features=cfg["cat_features"],
                             verbose=500)
    gbm.fit(train[feats], train[tgt], eval_set=(valid[feats], valid[tgt]), use_best_model=True)

    calibrated = CalibratedClassifierCV(gbm, method="sigmoid", cv="prefit")
    calibrated.fit(calib[feats], calib[tgt])

    # simple baseline: logistic regression on the numeric columns, fitted on the training split
    lr = LogisticRegression(max_iter=2000).fit(train[NUMERIC], train[tgt])

    report("logreg baseline", test[tgt], lr.predict_proba(test[NUMERIC])[:, 1])
    report("catboost raw", test[tgt], gbm.predict_proba(test[feats])[:, 1])
    report("catboost calibrated", test[tgt], calibrated.predict_proba(test[feats])[:, 1])
    log.info("test failure rate %.3f (n=%d)", test[tgt].mean(), len(test))


if __name__ == "__main__":
    main()
