"""Weekly unit-sales forecast per SKU: ridge vs gradient boosting, week-based CV, final hold-out."""
import json
import logging

import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from forecasting.cv import week_folds
from forecasting.features import NUMERIC, make_features
from forecasting.settings import Settings

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("backtest")


def scores(y, yhat):
    return {
        "mae": float(mean_absolute_error(y, yhat)),
        "rmse": float(np.sqrt(mean_squared_error(y, yhat))),
        "wape": float(np.abs(y - yhat).sum() / np.abs(y).sum()),
    }


def candidates(cfg):
    for a in cfg.alphas:
        yield f"ridge(alpha={a})", lambda a=a: make_pipeline(StandardScaler(), Ridge(alpha=a))
    for leaves, lr in cfg.hgb_grid:
        yield f"hgb(leaves={leaves},lr={lr})", lambda leaves=leaves, lr=lr: HistGradientBoostingRegressor(
            max_leaf_nodes=leaves, learning_rate=lr, max_iter=400, random_state=cfg.seed)


def main(cfg=Settings()):
    np.random.seed(cfg.seed)
    df = make_features(pd.read_parquet(cfg.data_path)).sort_values("week").reset_index(drop=True)

    cutoff = np.sort(df["week"].unique())[-cfg.holdout_weeks]
    dev = df[df["week"] < cutoff].reset_index(drop=True)
    holdout = df[df["week"] >= cutoff]

    cv_mae = {}
    for name, build in candidates(cfg):
        fold_mae = []
        for tr, va in week_folds(dev["week"], cfg.n_folds, cfg.gap_weeks):
            est = build().fit(dev.loc[tr, NUMERIC], dev.loc[tr, "units"])
            fold_mae.append(mean_absolute_error(dev.loc[va, "units"], est.predict(dev.loc[va, NUMERIC])))
        cv_mae[name] = float(np.mean(fold_mae))
        log.info("%-28s cv MAE %.3f", name, cv_mae[name])

    best_name = min(cv_mae, key=cv_mae.get)
    best = dict(candidates(cfg))[best_name]().fit(dev[NUMERIC], dev["units"])

    report = {
        "selected": best_name,
        "cv_mae": cv_mae,
        "holdout": {
            "naive_last_week": scores(holdout["units"], holdout["lag_1"]),
            "seasonal_naive_52": scores(holdout["units"], holdout["lag_52"]),
            "model": scores(holdout["units"], best.predict(holdout[NUMERIC])),
        },
    }
    log.info(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
