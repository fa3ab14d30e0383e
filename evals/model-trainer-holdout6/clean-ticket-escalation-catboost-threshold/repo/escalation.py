"""Will a new support ticket escalate to tier-2 within 48h? (~7% do)

Three disjoint partitions, all stratified on the label:
  fit      - trees are grown here
  es       - early stopping + choice of the alert threshold
  final    - touched once, at the very end
"""
import argparse
import json
import logging

import numpy as np
import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import (average_precision_score, f1_score, precision_recall_curve, precision_score,
                             recall_score, roc_auc_score)
from sklearn.model_selection import train_test_split

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("escalation")

CAT = ["product_area", "channel", "customer_tier", "region", "language", "reporter_role"]
NUM = ["account_age_days", "open_tickets_customer", "prior_escalations_90d", "first_response_min",
       "body_len_chars", "attachments", "hour_created"]
TEXT = ["subject"]
TARGET_RECALL = 0.80


def threshold_for_recall(y_true, score, target):
    prec, rec, thr = precision_recall_curve(y_true, score)
    ok = np.where(rec[:-1] >= target)[0]
    return float(thr[ok[-1]]) if len(ok) else float(thr[0])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--csv", default="data/tickets_labelled_2023.csv")
    ap.add_argument("--seed", type=int, default=404)
    a = ap.parse_args()

    t = pd.read_csv(a.csv)
    y = t["escalated_48h"].astype(int)
    X = t[CAT + NUM + TEXT].copy()
    X[CAT] = X[CAT].fillna("NA")
    X["subject"] = X["subject"].fillna("")

    X_rest, X_final, y_rest, y_final = train_test_split(X, y, test_size=0.2, stratify=y, random_state=a.seed)
    X_fit, X_es, y_fit, y_es = train_test_split(X_rest, y_rest, test_size=0.2, stratify=y_rest, random_state=a.seed)

    pool = lambda X_, y_=None: Pool(X_, y_, cat_features=CAT, text_features=TEXT)
    cb = CatBoostClassifier(iterations=5000, learning_rate=0.04, depth=6, l2_leaf_reg=5,
                            auto_class_weights="SqrtBalanced", eval_metric="PRAUC",
                            od_type="Iter", od_wait=300, random_seed=a.seed, verbose=500)
    cb.fit(pool(X_fit, y_fit), eval_set=pool(X_es, y_es), use_best_model=True)

    lr_cols = NUM
    base = LogisticRegression(max_iter=2000, class_weight="balanced").fit(X_fit[lr_cols].fillna(0), y_fit)

    s_es = cb.predict_proba(pool(X_es))[:, 1]
    tau = threshold_for_recall(y_es.to_numpy(), s_es, TARGET_RECALL)
    tau_base = threshold_for_recall(y_es.to_numpy(), base.predict_proba(X_es[lr_cols].fillna(0))[:, 1], TARGET_RECALL)

    s_final = cb.predict_proba(pool(X_final))[:, 1]
    b_final = base.predict_proba(X_final[lr_cols].fillna(0))[:, 1]
    report = {}
    for name, s, th in [("catboost", s_final, tau), ("logreg_numeric", b_final, tau_base)]:
        flag = (s >= th).astype(int)
        report[name] = {"threshold": th, "roc_auc": roc_auc_score(y_final, s),
                        "pr_auc": average_precision_score(y_final, s), "recall": recall_score(y_final, flag),
                        "precision": precision_score(y_final, flag), "f1": f1_score(y_final, flag)}
    log.info(json.dumps(report, indent=2))
    cb.save_model("models/escalation_cb.cbm")


if __name__ == "__main__":
    main()
