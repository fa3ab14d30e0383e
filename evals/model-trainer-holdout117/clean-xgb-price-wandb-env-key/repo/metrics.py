import numpy as np


def price_metrics(y_true_log, y_pred_log):
    """Metrics on the dollar scale, as the valuation team reports them."""
    t, p = np.exp(y_true_log), np.exp(y_pred_log)
    ratio = p / t
    return {
        "rmse_log": float(np.sqrt(np.mean((y_true_log - y_pred_log) ** 2))),
        "mae_usd": float(np.mean(np.abs(p - t))),
        "mdape": float(np.median(np.abs(ratio - 1))),
        "pct_within_10": float(np.mean(np.abs(ratio - 1) <= 0.10)),
        # IAAO ratio-study statistics
        "median_ratio": float(np.median(ratio)),
        "cod": float(100 * np.mean(np.abs(ratio - np.median(ratio))) / np.median(ratio)),
    }
