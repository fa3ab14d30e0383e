"""Leave-one-region-out evaluation with an inner group split for early stopping."""
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import GroupShuffleSplit, LeaveOneGroupOut

from .data import FEATURES


def _metrics(y, p, w):
    return {
        "rmse": float(np.sqrt(mean_squared_error(y, p, sample_weight=w))),
        "mae": float(mean_absolute_error(y, p, sample_weight=w)),
        "corr": float(np.corrcoef(y, p)[0, 1]),
    }


def leave_region_out(df: pd.DataFrame, cfg: dict) -> tuple[pd.DataFrame, list[int]]:
    dcfg = cfg["data"]
    X, y, w = df[FEATURES], df[dcfg["target"]].to_numpy(), df[dcfg["weight"]].to_numpy()
    regions = df[dcfg["region_col"]].to_numpy()
    rows, best_iters = [], []

    for tr_idx, te_idx in LeaveOneGroupOut().split(X, y, groups=regions):
        inner = GroupShuffleSplit(n_splits=1, test_size=cfg["inner_val_fraction"], random_state=cfg["seed"])
        fit_rel, val_rel = next(inner.split(tr_idx, groups=regions[tr_idx]))
        fit_idx, val_idx = tr_idx[fit_rel], tr_idx[val_rel]

        model = xgb.XGBRegressor(random_state=cfg["seed"], **cfg["xgb"])
        model.fit(
            X.iloc[fit_idx], y[fit_idx], sample_weight=w[fit_idx],
            eval_set=[(X.iloc[val_idx], y[val_idx])], sample_weight_eval_set=[w[val_idx]],
            verbose=False,
        )
        best_iters.append(model.best_iteration + 1)

        pred = model.predict(X.iloc[te_idx])
        base = np.full(len(te_idx), np.average(y[tr_idx], weights=w[tr_idx]))
        region = regions[te_idx][0]
        rows.append({"region": region, "model": "xgb", **_metrics(y[te_idx], pred, w[te_idx])})
        rows.append({"region": region, "model": "train_mean", **_metrics(y[te_idx], base, w[te_idx])})

    return pd.DataFrame(rows), best_iters
