"""
Repeat-purchase model on order lines (many rows per customer).

* test customers held out with GroupShuffleSplit
* GroupKFold CV on the remaining customers (GroupKFold is deterministic: no shuffling, no seed)
* merchant target encoding is always fit on the rows that are being trained on:
    - inside CV: fit on the fold's training part, applied to its validation part
    - training rows themselves get *out-of-fold* encodings (te.oof_encode)
"""
import json
import logging

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score
from sklearn.model_selection import GroupKFold, GroupShuffleSplit
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from te import oof_encode, TargetEncoder

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("repeat")

SEED = 606
TARGET, GROUP = "repeat_90d", "customer_id"
BASE_FEATS = ["basket_value", "n_items", "discount_pct", "delivery_days", "is_mobile", "hour", "dow",
              "customer_orders_before", "days_since_prev_order"]
TE_COLS = ["merchant_id", "category_l2"]
FEATS = BASE_FEATS + [f"{c}_te" for c in TE_COLS]
LGB_PARAMS = dict(n_estimators=3000, learning_rate=0.03, num_leaves=31, min_child_samples=100, subsample=0.8,
                  subsample_freq=1, colsample_bytree=0.8, random_state=SEED, verbose=-1)


def add_te(fit_df, apply_df, alpha=50):
    """OOF encodings for fit_df rows, encoder fit on all of fit_df for apply_df rows."""
    fit_df, apply_df = fit_df.copy(), apply_df.copy()
    for c in TE_COLS:
        fit_df[f"{c}_te"] = oof_encode(fit_df, c, TARGET, groups=fit_df[GROUP], n_splits=5, alpha=alpha)
        enc = TargetEncoder(alpha=alpha).fit(fit_df[c], fit_df[TARGET])
        apply_df[f"{c}_te"] = enc.transform(apply_df[c])
    return fit_df, apply_df


def main():
    df = pd.read_parquet("data/order_lines_2024.parquet")
    log.info("%d rows, %d customers, positive rate %.3f", len(df), df[GROUP].nunique(), df[TARGET].mean())

    gss = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=SEED)
    dev_idx, test_idx = next(gss.split(df, groups=df[GROUP]))
    dev, test = df.iloc[dev_idx].reset_index(drop=True), df.iloc[test_idx].reset_index(drop=True)

    gkf = GroupKFold(n_splits=5)
    fold_rows, best_iters = [], []
    for k, (tr_i, va_i) in enumerate(gkf.split(dev, groups=dev[GROUP])):
        tr, va = add_te(dev.iloc[tr_i], dev.iloc[va_i])
        prior = tr[TARGET].mean()

        m = lgb.LGBMClassifier(**LGB_PARAMS)
        m.fit(tr[FEATS], tr[TARGET], eval_set=[(va[FEATS], va[TARGET])],
              callbacks=[lgb.early_stopping(150, verbose=False)])
        p = m.predict_proba(va[FEATS])[:, 1]
        best_iters.append(m.best_iteration_)

        lr = make_pipeline(StandardScaler(), LogisticRegression(max_iter=3000)).fit(tr[FEATS].fillna(0), tr[TARGET])
        p_lr = lr.predict_proba(va[FEATS].fillna(0))[:, 1]

        fold_rows.append({"fold": k,
                          "lgb_auc": roc_auc_score(va[TARGET], p), "lgb_ap": average_precision_score(va[TARGET], p),
                          "lr_auc": roc_auc_score(va[TARGET], p_lr), "lr_ap": average_precision_score(va[TARGET], p_lr),
                          "prior_ll": log_loss(va[TARGET], np.full(len(va), prior)), "lgb_ll": log_loss(va[TARGET], p)})
    cv = pd.DataFrame(fold_rows)
    print(cv.round(4))
    print(cv.mean().round(4))

    # final: all dev customers, fixed number of trees from CV, test customers scored once
    n_trees = int(np.median(best_iters))
    dev_te, test_te = add_te(dev, test)
    final = lgb.LGBMClassifier(**{**LGB_PARAMS, "n_estimators": n_trees}).fit(dev_te[FEATS], dev_te[TARGET])
    p_test = final.predict_proba(test_te[FEATS])[:, 1]
    out = {"n_trees": n_trees,
           "test_auc": roc_auc_score(test_te[TARGET], p_test),
           "test_ap": average_precision_score(test_te[TARGET], p_test),
           "test_logloss": log_loss(test_te[TARGET], p_test),
           "test_prior_logloss": log_loss(test_te[TARGET], np.full(len(test_te), dev[TARGET].mean()))}
    log.info("TEST %s", out)
    with open("results/repeat_lgbm.json", "w") as f:
        json.dump({"cv": cv.to_dict(orient="list"), "test": out}, f, indent=2)


if __name__ == "__main__":
    main()
