"""Train a LightGBM classifier for 5-day direction of a basket of large caps.

usage: python train_direction.py --tickers SPY QQQ IWM --start 2005-01-01
"""
import argparse
import logging

import lightgbm as lgb
import numpy as np
import pandas as pd
import yfinance as yf
from sklearn.dummy import DummyClassifier
from sklearn.metrics import roc_auc_score, log_loss, balanced_accuracy_score
from sklearn.model_selection import KFold

from features import build_features, forward_label

log = logging.getLogger("direction")
SEED = 2024


def load_panel(tickers, start, horizon):
    frames = []
    for t in tickers:
        px = yf.download(t, start=start, auto_adjust=True, progress=False)
        f = build_features(px)
        f["y"] = forward_label(px, horizon)
        f["ticker"] = t
        frames.append(f)
    panel = pd.concat(frames).dropna()
    panel = panel.sort_index()
    return panel


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tickers", nargs="+", default=["SPY", "QQQ", "IWM", "EFA", "TLT"])
    ap.add_argument("--start", default="2005-01-01")
    ap.add_argument("--horizon", type=int, default=5)
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    np.random.seed(SEED)

    panel = load_panel(args.tickers, args.start, args.horizon)
    feats = [c for c in panel.columns if c not in ("y", "ticker")]
    X, y = panel[feats], panel["y"].astype(int)
    log.info("panel %s from %s to %s", X.shape, panel.index.min().date(), panel.index.max().date())

    cutoff = panel.index.unique().sort_values()[int(0.8 * panel.index.nunique())]
    dev = panel.index < cutoff - pd.tseries.offsets.BDay(args.horizon)  # embargo: labels look ahead
    hold = panel.index >= cutoff
    X_dev, y_dev = X[dev], y[dev]
    X_hold, y_hold = X[hold], y[hold]
    log.info("holdout starts %s (%d rows)", cutoff.date(), len(X_hold))

    base = dict(n_estimators=600, learning_rate=0.02, min_child_samples=200, subsample=0.8,
                subsample_freq=1, colsample_bytree=0.7, random_state=SEED, verbose=-1)

    cv = KFold(n_splits=5, shuffle=True, random_state=SEED)
    scores = {}
    for leaves in (7, 15, 31, 63):
        fold_auc = []
        for tr, va in cv.split(X_dev):
            m = lgb.LGBMClassifier(num_leaves=leaves, **base)
            m.fit(X_dev.iloc[tr], y_dev.iloc[tr])
            fold_auc.append(roc_auc_score(y_dev.iloc[va], m.predict_proba(X_dev.iloc[va])[:, 1]))
        scores[leaves] = np.mean(fold_auc)
        log.info("num_leaves=%d cv auc %.4f +- %.4f", leaves, scores[leaves], np.std(fold_auc))
    best = max(scores, key=scores.get)
    params = dict(num_leaves=best, **base)

    model = lgb.LGBMClassifier(**params).fit(X_dev, y_dev)
    prior = DummyClassifier(strategy="prior").fit(X_dev, y_dev)
    for name, m in [("prior", prior), ("lgbm", model)]:
        p = m.predict_proba(X_hold)[:, 1]
        log.info("%s holdout auc=%.4f logloss=%.4f bal_acc=%.4f", name, roc_auc_score(y_hold, p),
                 log_loss(y_hold, p), balanced_accuracy_score(y_hold, (p > y_dev.mean()).astype(int)))


if __name__ == "__main__":
    main()
