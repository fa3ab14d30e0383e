import json
from pathlib import Path

import numpy as np
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score


def regression_report(y_true, y_pred, groups=None):
    out = {
        "n": int(len(y_true)),
        "rmse": float(np.sqrt(mean_squared_error(y_true, y_pred))),
        "mae": float(mean_absolute_error(y_true, y_pred)),
        "r2": float(r2_score(y_true, y_pred)),
        "bias": float(np.mean(np.asarray(y_pred) - np.asarray(y_true))),
    }
    if groups is not None:
        err = np.abs(np.asarray(y_pred) - np.asarray(y_true))
        out["mae_by_group"] = {str(g): float(err[groups == g].mean()) for g in np.unique(groups)}
    return out


def save_report(report: dict, path: str):
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(json.dumps(report, indent=2))
