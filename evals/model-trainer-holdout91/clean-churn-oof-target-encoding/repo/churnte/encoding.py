"""Out-of-fold smoothed target encoding."""
import numpy as np
import pandas as pd
from sklearn.model_selection import StratifiedKFold


def _smoothed_means(keys: pd.Series, target: pd.Series, prior: float, smoothing: float) -> pd.Series:
    stats = target.groupby(keys).agg(["sum", "count"])
    return (stats["sum"] + smoothing * prior) / (stats["count"] + smoothing)


def oof_target_encode(fit_df: pd.DataFrame, apply_dfs, cols, target: str, *, n_splits: int = 5,
                      smoothing: float = 20.0, seed: int = 0):
    """Encode `cols` of fit_df out-of-fold; encode each frame in apply_dfs with stats from all of fit_df.

    Rows of fit_df never see their own label, and the frames in apply_dfs never
    contribute labels at all.
    """
    fit_out = fit_df.copy()
    apply_out = [d.copy() for d in apply_dfs]
    y = fit_df[target]
    prior = y.mean()
    skf = StratifiedKFold(n_splits=n_splits, shuffle=True, random_state=seed)
    for col in cols:
        encoded = np.full(len(fit_df), prior, dtype=np.float64)
        for tr_idx, va_idx in skf.split(fit_df, y):
            tr = fit_df.iloc[tr_idx]
            means = _smoothed_means(tr[col], tr[target], tr[target].mean(), smoothing)
            encoded[va_idx] = fit_df[col].iloc[va_idx].map(means).fillna(prior).to_numpy()
        fit_out[f"{col}_te"] = encoded
        full_means = _smoothed_means(fit_df[col], y, prior, smoothing)
        for d in apply_out:
            d[f"{col}_te"] = d[col].map(full_means).fillna(prior).astype(np.float64)
    return fit_out, apply_out
