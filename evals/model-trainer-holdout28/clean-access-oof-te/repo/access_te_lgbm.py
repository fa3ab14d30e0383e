"""Employee access approval: high-cardinality IDs -> smoothed target encoding -> LightGBM.

Target encoding is the classic leak, so:
  * rows of the fitting set get out-of-fold means (their own fold never sees their label);
  * validation and test rows get means computed on the whole fitting set only.
"""
import logging

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score
from sklearn.model_selection import KFold, train_test_split

logging.basicConfig(level=logging.INFO, format="%(message)s")
log = logging.getLogger()

SEED = 77
CATS = ["RESOURCE", "MGR_ID", "ROLE_ROLLUP_1", "ROLE_ROLLUP_2", "ROLE_DEPTNAME",
        "ROLE_TITLE", "ROLE_FAMILY_DESC", "ROLE_FAMILY", "ROLE_CODE"]
SMOOTH = 20.0


def smoothed_means(keys: pd.Series, target: pd.Series, prior: float) -> pd.Series:
    stats = target.groupby(keys).agg(["sum", "count"])
    return (stats["sum"] + SMOOTH * prior) / (stats["count"] + SMOOTH)


def oof_encode(frame, target, cols, n_splits=5):
    enc = pd.DataFrame(index=frame.index, columns=[f"te_{c}" for c in cols], dtype=float)
    kf = KFold(n_splits=n_splits, shuffle=True, random_state=SEED)
    for in_idx, out_idx in kf.split(frame):
        src, dst = frame.iloc[in_idx], frame.iloc[out_idx]
        prior = target.iloc[in_idx].mean()
        for c in cols:
            means = smoothed_means(src[c], target.iloc[in_idx], prior)
            enc.iloc[out_idx, enc.columns.get_loc(f"te_{c}")] = dst[c].map(means).fillna(prior).values
    return enc


def apply_encode(fit_frame, fit_target, frame, cols):
    prior = fit_target.mean()
    out = {f"te_{c}": frame[c].map(smoothed_means(fit_frame[c], fit_target, prior)).fillna(prior)
           for c in cols}
    return pd.DataFrame(out, index=frame.index)


def main():
    data = pd.read_csv("data/amazon_access_train.csv")
    y = data.pop("ACTION")
    log.info("approval rate %.3f", y.mean())

    X_fit, X_rest, y_fit, y_rest = train_test_split(data, y, test_size=0.3, stratify=y, random_state=SEED)
    X_val, X_test, y_val, y_test = train_test_split(X_rest, y_rest, test_size=0.5, stratify=y_rest,
                                                    random_state=SEED)

    F_fit = oof_encode(X_fit, y_fit, CATS)
    F_val = apply_encode(X_fit, y_fit, X_val, CATS)
    F_test = apply_encode(X_fit, y_fit, X_test, CATS)

    clf = lgb.LGBMClassifier(n_estimators=4000, learning_rate=0.02, num_leaves=31, min_child_samples=40,
                             colsample_bytree=0.7, subsample=0.8, subsample_freq=1, reg_lambda=1.0,
                             random_state=SEED, verbose=-1)
    clf.fit(F_fit, y_fit, eval_set=[(F_val, y_val)], eval_metric="auc",
            callbacks=[lgb.early_stopping(200, verbose=False)])
    log.info("best iteration %d", clf.best_iteration_)

    p_test = clf.predict_proba(F_test)[:, 1]
    p_prior = np.full(len(y_test), y_fit.mean())
    log.info("prior    AUC %.4f  AP %.4f  logloss %.4f", roc_auc_score(y_test, p_prior),
             average_precision_score(y_test, p_prior), log_loss(y_test, p_prior))
    log.info("lightgbm AUC %.4f  AP %.4f  logloss %.4f", roc_auc_score(y_test, p_test),
             average_precision_score(y_test, p_test), log_loss(y_test, p_test))


if __name__ == "__main__":
    main()
