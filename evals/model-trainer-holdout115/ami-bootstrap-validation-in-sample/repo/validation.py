import numpy as np
from sklearn.metrics import roc_auc_score

from model import calibration_slope, fit_model, predict_risk


def bootstrap_validate(df, outcome, n_boot=500, seed=2021):
    """Bootstrap internal validation (B resamples with replacement, model refitted each time)."""
    rng = np.random.default_rng(seed)
    n = len(df)
    aucs, slopes = [], []
    for b in range(n_boot):
        idx = rng.integers(0, n, n)
        boot = df.iloc[idx].reset_index(drop=True)
        res = fit_model(boot)
        p = predict_risk(res, boot)
        aucs.append(roc_auc_score(boot[outcome], p))
        slopes.append(calibration_slope(boot[outcome].to_numpy(), p))
    aucs, slopes = np.array(aucs), np.array(slopes)
    return {
        "auc_mean": aucs.mean(),
        "auc_ci": np.percentile(aucs, [2.5, 97.5]).tolist(),
        "slope_mean": slopes.mean(),
        "slope_ci": np.percentile(slopes, [2.5, 97.5]).tolist(),
    }
