"""Discrimination / calibration summaries with bootstrap confidence intervals."""
import numpy as np
from sklearn.calibration import calibration_curve
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score

METRICS = {
    "auroc": roc_auc_score,
    "auprc": average_precision_score,
    "brier": brier_score_loss,
}


def bootstrap_ci(y_true, y_prob, n_boot=1000, alpha=0.05, seed=0):
    rng = np.random.default_rng(seed)
    y_true, y_prob = np.asarray(y_true), np.asarray(y_prob)
    point = {k: fn(y_true, y_prob) for k, fn in METRICS.items()}
    draws = {k: [] for k in METRICS}
    for _ in range(n_boot):
        idx = rng.integers(0, len(y_true), len(y_true))
        if y_true[idx].min() == y_true[idx].max():
            continue
        for k, fn in METRICS.items():
            draws[k].append(fn(y_true[idx], y_prob[idx]))
    lo, hi = 100 * alpha / 2, 100 * (1 - alpha / 2)
    return {
        k: {"estimate": float(point[k]), "ci_low": float(np.percentile(v, lo)), "ci_high": float(np.percentile(v, hi))}
        for k, v in draws.items()
    }


def calibration_table(y_true, y_prob, n_bins=10):
    frac_pos, mean_pred = calibration_curve(y_true, y_prob, n_bins=n_bins, strategy="quantile")
    slope, intercept = np.polyfit(mean_pred, frac_pos, 1)
    return {"observed": frac_pos.tolist(), "predicted": mean_pred.tolist(),
            "slope": float(slope), "intercept": float(intercept)}
