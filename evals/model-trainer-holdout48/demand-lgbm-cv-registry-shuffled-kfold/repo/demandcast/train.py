"""Fit the daily demand model with CV-tuned boosting rounds and score the last four weeks.

    python -m demandcast.train configs/store_item_daily.yaml
"""
from __future__ import annotations

import json
import sys

import lightgbm as lgb
import numpy as np
import pandas as pd
import yaml
from sklearn.metrics import mean_absolute_error, mean_squared_error

from demandcast.cv import build_splitter
from demandcast.features import build_features


def scores(y, p) -> dict[str, float]:
    return {"mae": float(mean_absolute_error(y, p)), "rmse": float(np.sqrt(mean_squared_error(y, p))),
            "wape": float(np.abs(y - p).sum() / np.abs(y).sum())}


def main(cfg_path: str) -> None:
    cfg = yaml.safe_load(open(cfg_path))
    dcol, target = cfg["data"]["date_col"], cfg["data"]["target"]
    raw = pd.read_parquet(cfg["data"]["path"])
    raw[dcol] = pd.to_datetime(raw[dcol])
    df = build_features(raw, cfg)

    cutoff = df[dcol].max() - pd.Timedelta(days=cfg["data"]["test_days"])
    train, test = df[df[dcol] <= cutoff], df[df[dcol] > cutoff]
    feats = [c for c in df.columns if c not in (dcol, target)]
    X, y = train[feats], train[target]

    params = dict(cfg["model"])
    es_rounds = params.pop("early_stopping_rounds")
    splitter = build_splitter(cfg["cv"])
    fold_scores, best_iters = [], []
    for fold, (tr_idx, va_idx) in enumerate(splitter.split(X)):
        m = lgb.LGBMRegressor(**params, random_state=cfg["seed"], verbose=-1)
        m.fit(X.iloc[tr_idx], y.iloc[tr_idx], eval_set=[(X.iloc[va_idx], y.iloc[va_idx])],
              callbacks=[lgb.early_stopping(es_rounds, verbose=False)])
        fold_scores.append(scores(y.iloc[va_idx], m.predict(X.iloc[va_idx])))
        best_iters.append(m.best_iteration_)
        print(f"fold {fold}: {fold_scores[-1]} best_iter={m.best_iteration_}")

    cv_summary = pd.DataFrame(fold_scores).mean().to_dict()
    params["n_estimators"] = int(np.mean(best_iters))
    final = lgb.LGBMRegressor(**params, random_state=cfg["seed"], verbose=-1).fit(X, y)

    test_pred = np.clip(final.predict(test[feats]), 0, None)
    report = {
        "cv": cv_summary,
        "test": scores(test[target], test_pred),
        "test_seasonal_naive": scores(test[target], test["lag_7"]),
        "n_estimators": params["n_estimators"],
    }
    print(json.dumps(report, indent=2))
    final.booster_.save_model("artifacts/demand_lgbm.txt")


if __name__ == "__main__":
    main(sys.argv[1])
