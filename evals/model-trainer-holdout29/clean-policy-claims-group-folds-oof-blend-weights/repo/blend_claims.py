"""Claim-in-2023 model: LightGBM + CatBoost blended with OOF-optimised weights."""
import json
import logging

import lightgbm as lgb
import numpy as np
import pandas as pd
from catboost import CatBoostClassifier
from scipy.optimize import minimize
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss, roc_auc_score
from sklearn.model_selection import StratifiedGroupKFold
from sklearn.pipeline import make_pipeline
from sklearn.impute import SimpleImputer
from sklearn.preprocessing import StandardScaler

from claim_features import CAT_COLS, customer_features, policy_features

SEED = 58
logging.basicConfig(level=logging.INFO, format="%(message)s")
log = logging.getLogger("claims")


def fit_predict(name, X_fit, y_fit, X_eval, y_eval, X_out):
    if name == "lgbm":
        m = lgb.LGBMClassifier(n_estimators=4000, learning_rate=0.02, num_leaves=31, min_child_samples=60,
                               colsample_bytree=0.6, subsample=0.8, subsample_freq=1, random_state=SEED, verbose=-1)
        m.fit(X_fit, y_fit, eval_set=[(X_eval, y_eval)], callbacks=[lgb.early_stopping(200, verbose=False)])
    else:
        m = CatBoostClassifier(iterations=4000, learning_rate=0.04, depth=6, cat_features=CAT_COLS,
                               early_stopping_rounds=200, random_seed=SEED, verbose=0)
        m.fit(X_fit.astype({c: str for c in CAT_COLS}), y_fit, eval_set=(X_eval.astype({c: str for c in CAT_COLS}), y_eval))
        X_eval, X_out = X_eval.astype({c: str for c in CAT_COLS}), X_out.astype({c: str for c in CAT_COLS})
    return m.predict_proba(X_eval)[:, 1], m.predict_proba(X_out)[:, 1]


def blend(weights, preds):
    w = np.abs(weights) / np.abs(weights).sum()
    return np.clip(preds @ w, 1e-6, 1 - 1e-6)


def main():
    df = customer_features(policy_features(pd.read_parquet("data/policies.parquet")))
    for c in CAT_COLS:
        df[c] = df[c].astype("category")
    feats = [c for c in df.columns if c not in ("policy_id", "customer_id", "claim_2023")]
    y, groups = df["claim_2023"].to_numpy(), df["customer_id"].to_numpy()

    # hold out ~20% of customers entirely; they are scored once at the end
    outer = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=SEED)
    dev_idx, hold_idx = next(outer.split(df, y, groups))
    dev, hold = df.iloc[dev_idx].reset_index(drop=True), df.iloc[hold_idx].reset_index(drop=True)
    y_dev, y_hold, g_dev = y[dev_idx], y[hold_idx], groups[dev_idx]
    assert not set(dev["customer_id"]) & set(hold["customer_id"])

    inner = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=SEED + 1)
    names = ["lgbm", "catboost"]
    oof = np.zeros((len(dev), len(names)))
    hold_pred = np.zeros((len(hold), len(names)))
    for tr, va in inner.split(dev, y_dev, g_dev):
        for j, name in enumerate(names):
            p_va, p_hold = fit_predict(name, dev.loc[tr, feats], y_dev[tr], dev.loc[va, feats], y_dev[va], hold[feats])
            oof[va, j] = p_va
            hold_pred[:, j] += p_hold / inner.get_n_splits()

    res = minimize(lambda w: log_loss(y_dev, blend(w, oof)), x0=np.ones(len(names)) / len(names), method="Nelder-Mead")
    weights = np.abs(res.x) / np.abs(res.x).sum()
    log.info("blend weights from OOF: %s", dict(zip(names, weights.round(3))))

    num = [c for c in feats if c not in CAT_COLS]
    logit = make_pipeline(SimpleImputer(strategy="median"), StandardScaler(), LogisticRegression(max_iter=3000))
    p_logit = logit.fit(dev[num], y_dev).predict_proba(hold[num])[:, 1]

    report = {name: {"auc": roc_auc_score(y_hold, hold_pred[:, j]), "logloss": log_loss(y_hold, hold_pred[:, j])}
              for j, name in enumerate(names)}
    report["blend"] = {"auc": roc_auc_score(y_hold, blend(weights, hold_pred)), "logloss": log_loss(y_hold, blend(weights, hold_pred))}
    report["logreg"] = {"auc": roc_auc_score(y_hold, p_logit), "logloss": log_loss(y_hold, p_logit)}
    log.info("HOLDOUT (unseen customers): %s", json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
