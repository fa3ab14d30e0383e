import argparse
import json
import logging

import joblib
import numpy as np
import yaml
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import GroupShuffleSplit
from xgboost import XGBRegressor

from marsh.io import load_transects

log = logging.getLogger("marsh")


def split_by_site(df, group, frac, seed):
    gss = GroupShuffleSplit(n_splits=1, test_size=frac, random_state=seed)
    tr_idx, te_idx = next(gss.split(df, groups=df[group]))
    return df.iloc[tr_idx], df.iloc[te_idx]


def run(cfg):
    df = load_transects(cfg["data"]["transects"])
    target, group = cfg["data"]["target"], cfg["data"]["group"]
    train, test = split_by_site(df, group, cfg["data"]["test_fraction"], cfg["seed"])

    feats = [c for c in df.columns if c not in (target, group)]
    X_tr, y_tr = train[feats], train[target]
    X_te, y_te = test[feats], test[target]

    reg = XGBRegressor(**cfg["model"], random_state=cfg["seed"], n_jobs=-1)
    reg.fit(X_tr, y_tr, eval_set=[(X_te, y_te)], verbose=500)
    log.info("best iteration %d", reg.best_iteration)

    pred = reg.predict(X_te)
    base = np.full(len(y_te), y_tr.median())
    metrics = {
        "mae": mean_absolute_error(y_te, pred),
        "r2": r2_score(y_te, pred),
        "median_baseline_mae": mean_absolute_error(y_te, base),
        "n_test_sites": int(test[group].nunique()),
    }
    log.info(json.dumps(metrics, indent=2))
    joblib.dump(reg, cfg["output"])
    return metrics


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("config")
    logging.basicConfig(level=logging.INFO)
    run(yaml.safe_load(open(ap.parse_args().config)))
