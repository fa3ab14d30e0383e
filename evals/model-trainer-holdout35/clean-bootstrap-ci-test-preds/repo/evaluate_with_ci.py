"""Stroke risk: gradient boosting vs. a CHA2DS2-VASc-style logistic score, with 95% bootstrap CIs.

The test set is predicted once; the bootstrap resamples those *fixed* test predictions
(percentile intervals and a paired difference), it never refits on test rows.
"""
import argparse
import logging

import numpy as np
import pandas as pd
from scipy import stats
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import RandomizedSearchCV, StratifiedKFold, train_test_split

log = logging.getLogger("stroke")

CHADS_ITEMS = ["chf", "hypertension", "age_ge75", "diabetes", "prior_stroke_tia", "vascular", "age_65_74", "female"]
EXTRA = ["egfr", "hb", "bmi", "af_type_persistent", "ldl", "smoker", "alcohol_units"]


def paired_bootstrap(y, p_a, p_b, metric, n_boot, rng):
    """Percentile CIs for metric(a), metric(b) and metric(a) - metric(b) on resampled test rows."""
    n = len(y)
    a, b = np.empty(n_boot), np.empty(n_boot)
    for i in range(n_boot):
        idx = rng.integers(0, n, size=n)
        while y[idx].min() == y[idx].max():
            idx = rng.integers(0, n, size=n)
        a[i], b[i] = metric(y[idx], p_a[idx]), metric(y[idx], p_b[idx])
    ci = lambda v: tuple(np.percentile(v, [2.5, 97.5]))
    return {"a": ci(a), "b": ci(b), "diff": ci(a - b), "p_diff_le_0": float(np.mean(a - b <= 0))}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/af_cohort.csv")
    ap.add_argument("--n-boot", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=2718)
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    rng = np.random.default_rng(args.seed)

    af = pd.read_csv(args.data)
    y = af["stroke_2y"].to_numpy(dtype=int)
    X = af[CHADS_ITEMS + EXTRA]
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.3, stratify=y, random_state=args.seed)

    score_model = LogisticRegression(C=1.0, max_iter=2000).fit(X_tr[CHADS_ITEMS], y_tr)

    search = RandomizedSearchCV(
        HistGradientBoostingClassifier(random_state=args.seed),
        param_distributions={
            "learning_rate": stats.loguniform(0.01, 0.3),
            "max_leaf_nodes": stats.randint(8, 64),
            "min_samples_leaf": stats.randint(20, 200),
            "l2_regularization": stats.loguniform(1e-3, 10),
        },
        n_iter=40, scoring="roc_auc", random_state=args.seed,
        cv=StratifiedKFold(n_splits=5, shuffle=True, random_state=args.seed), n_jobs=-1,
    ).fit(X_tr, y_tr)
    log.info("best CV AUROC %.3f with %s", search.best_score_, search.best_params_)

    p_gbm = search.predict_proba(X_te)[:, 1]
    p_score = score_model.predict_proba(X_te[CHADS_ITEMS])[:, 1]

    for name, metric in [("AUROC", roc_auc_score), ("AUPRC", average_precision_score)]:
        res = paired_bootstrap(y_te, p_gbm, p_score, metric, args.n_boot, rng)
        log.info("%s  GBM %.3f [%.3f, %.3f]  score %.3f [%.3f, %.3f]  diff [%.3f, %.3f]  P(diff<=0)=%.3f",
                 name, metric(y_te, p_gbm), *res["a"], metric(y_te, p_score), *res["b"], *res["diff"],
                 res["p_diff_le_0"])


if __name__ == "__main__":
    main()
