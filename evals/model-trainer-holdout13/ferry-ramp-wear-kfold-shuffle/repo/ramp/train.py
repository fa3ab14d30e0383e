import argparse
import json
import logging

import lightgbm as lgb
import numpy as np
import pandas as pd
import yaml
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import KFold

from ramp.features import build

log = logging.getLogger("ramp")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    ap.add_argument("--out", default="artifacts/cv_report.json")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO)

    cfg = yaml.safe_load(open(args.config))
    raw = pd.read_parquet(cfg["data"]["path"])
    raw["date"] = pd.to_datetime(raw["date"])
    df = build(raw, cfg)

    target = cfg["data"]["target"]
    feats = [c for c in df.columns if c not in (target, "date", "ramp_id")]
    X, y = df[feats], df[target]

    params = dict(cfg["lgb"])
    rounds = params.pop("num_boost_round")
    es = params.pop("early_stopping_rounds")
    params["seed"] = cfg["cv"]["seed"]

    kf = KFold(n_splits=cfg["cv"]["n_splits"], shuffle=True, random_state=cfg["cv"]["seed"])
    maes, rmses, base_maes = [], [], []
    for fold, (tr, va) in enumerate(kf.split(X)):
        dtr = lgb.Dataset(X.iloc[tr], y.iloc[tr])
        dva = lgb.Dataset(X.iloc[va], y.iloc[va], reference=dtr)
        booster = lgb.train(params, dtr, rounds, valid_sets=[dva],
                            callbacks=[lgb.early_stopping(es, verbose=False)])
        pred = booster.predict(X.iloc[va], num_iteration=booster.best_iteration)
        naive = X.iloc[va][f"{target}_lag1"]  # persistence baseline
        maes.append(mean_absolute_error(y.iloc[va], pred))
        rmses.append(mean_squared_error(y.iloc[va], pred) ** 0.5)
        base_maes.append(mean_absolute_error(y.iloc[va], naive))
        log.info("fold %d  MAE %.4f  RMSE %.4f  (persistence MAE %.4f)", fold, maes[-1], rmses[-1], base_maes[-1])

    report = {"mae": float(np.mean(maes)), "rmse": float(np.mean(rmses)), "persistence_mae": float(np.mean(base_maes))}
    log.info("CV: %s", report)
    with open(args.out, "w") as f:
        json.dump(report, f, indent=2)


if __name__ == "__main__":
    main()
