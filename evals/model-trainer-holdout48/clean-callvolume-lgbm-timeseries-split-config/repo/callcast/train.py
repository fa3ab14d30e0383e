"""Hourly inbound-call forecast.

    python -m callcast.train configs/hourly_calls.yaml
"""
from __future__ import annotations

import json
import sys

import lightgbm as lgb
import numpy as np
import pandas as pd
import yaml
from sklearn.metrics import mean_absolute_error, mean_squared_error

from callcast.cv import build_splitter
from callcast.features import build_features


def scores(y, p) -> dict[str, float]:
    y, p = np.asarray(y, dtype=float), np.asarray(p, dtype=float)
    return {"mae": float(mean_absolute_error(y, p)), "rmse": float(np.sqrt(mean_squared_error(y, p))),
            "wape": float(np.abs(y - p).sum() / np.abs(y).sum())}


def main(cfg_path: str) -> None:
    cfg = yaml.safe_load(open(cfg_path))
    tcol, target = cfg["data"]["time_col"], cfg["data"]["target"]
    raw = pd.read_parquet(cfg["data"]["path"])
    raw[tcol] = pd.to_datetime(raw[tcol])
    df = build_features(raw, cfg)

    cutoff = df[tcol].max() - pd.Timedelta(weeks=cfg["data"]["test_weeks"])
    train, test = df[df[tcol] <= cutoff], df[df[tcol] > cutoff]
    feats = [c for c in df.columns if c not in (tcol, target)]
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

    params["n_estimators"] = int(np.median(best_iters))
    final = lgb.LGBMRegressor(**params, random_state=cfg["seed"], verbose=-1).fit(X, y)
    pred = np.clip(final.predict(test[feats]), 0, None)

    report = {
        "cv": pd.DataFrame(fold_scores).mean().to_dict(),
        "test": scores(test[target], pred),
        "test_same_hour_last_week": scores(test[target], test["lag_168"]),
        "test_same_hour_yesterday": scores(test[target], test["lag_24"]),
        "n_estimators": params["n_estimators"],
        "train_end": str(cutoff),
    }
    print(json.dumps(report, indent=2))
    final.booster_.save_model(cfg.get("output", "artifacts/callcast_lgbm.txt"))


if __name__ == "__main__":
    main(sys.argv[1])
