"""Claim-line fraud model (health insurance).

Each claim has several service lines and the label is set per claim, so every split is grouped by
claim_id: lines of one claim never sit on both sides of a split.
"""
import logging

import numpy as np
import pandas as pd
from catboost import CatBoostClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score
from sklearn.model_selection import StratifiedGroupKFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
log = logging.getLogger(__name__)

SEED = 404
CAT = ["provider_specialty", "procedure_code", "place_of_service", "diagnosis_chapter", "plan_type"]
NUM = ["billed_amount", "allowed_amount", "units", "patient_age", "lines_in_claim", "claim_total_billed",
       "share_of_claim", "distinct_procedures_in_claim"]


def claim_level_features(lines: pd.DataFrame) -> pd.DataFrame:
    """Aggregates over the lines of the same claim (no target, no information from other claims)."""
    g = lines.groupby("claim_id")
    lines["lines_in_claim"] = g["line_no"].transform("size")
    lines["claim_total_billed"] = g["billed_amount"].transform("sum")
    lines["share_of_claim"] = lines["billed_amount"] / lines["claim_total_billed"].clip(lower=1)
    lines["distinct_procedures_in_claim"] = g["procedure_code"].transform("nunique")
    return lines


def main():
    lines = claim_level_features(pd.read_parquet("data/claim_lines.parquet"))
    lines[CAT] = lines[CAT].fillna("NA").astype(str)
    y, groups = lines["claim_flagged"].to_numpy(), lines["claim_id"].to_numpy()
    log.info("%d lines, %d claims, flagged-line rate %.3f", len(lines), lines["claim_id"].nunique(), y.mean())

    # holdout: one of five shuffled, stratified, grouped folds
    outer = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=SEED)
    dev_idx, test_idx = next(outer.split(lines, y, groups))
    dev, test = lines.iloc[dev_idx].reset_index(drop=True), lines.iloc[test_idx]

    # model comparison on dev; shuffle=False makes the folds deterministic, so no random_state is needed
    inner = StratifiedGroupKFold(n_splits=4)
    cb_params = dict(iterations=900, learning_rate=0.05, depth=6, l2_leaf_reg=5, random_seed=SEED, verbose=0)
    cv_rows = []
    for tr, va in inner.split(dev, dev["claim_flagged"], dev["claim_id"]):
        cb = CatBoostClassifier(**cb_params, cat_features=CAT).fit(dev.loc[tr, CAT + NUM], dev.loc[tr, "claim_flagged"])
        lr = make_pipeline(StandardScaler(), LogisticRegression(max_iter=3000)).fit(
            dev.loc[tr, NUM], dev.loc[tr, "claim_flagged"])
        yv = dev.loc[va, "claim_flagged"]
        for name, p in [("catboost", cb.predict_proba(dev.loc[va, CAT + NUM])[:, 1]),
                        ("logreg_num", lr.predict_proba(dev.loc[va, NUM])[:, 1])]:
            cv_rows.append({"model": name, "auc": roc_auc_score(yv, p), "ap": average_precision_score(yv, p),
                            "logloss": log_loss(yv, p)})
    log.info("inner CV:\n%s", pd.DataFrame(cv_rows).groupby("model").mean().round(4))

    final = CatBoostClassifier(**cb_params, cat_features=CAT).fit(dev[CAT + NUM], dev["claim_flagged"])
    p_test = final.predict_proba(test[CAT + NUM])[:, 1]
    log.info("holdout AUC %.4f AP %.4f logloss %.4f (prevalence %.4f)",
             roc_auc_score(test["claim_flagged"], p_test), average_precision_score(test["claim_flagged"], p_test),
             log_loss(test["claim_flagged"], p_test), test["claim_flagged"].mean())
    final.save_model("claim_line_fraud.cbm")


if __name__ == "__main__":
    main()
