import numpy as np
import pandas as pd
from sklearn.metrics import average_precision_score, roc_auc_score


def approve_top(scores_good: np.ndarray, approval_rate: float, cutoff: float = None):
    if cutoff is None:
        cutoff = np.quantile(scores_good, 1 - approval_rate)
    return scores_good >= cutoff, cutoff


def adverse_impact_ratio(approved: np.ndarray, groups: pd.Series) -> float:
    rates = pd.Series(approved).groupby(groups.to_numpy()).mean()
    return float(rates.min() / rates.max())


def summarize(y_bad, p_bad, approved, frame, protected):
    out = {
        "auc": roc_auc_score(y_bad, p_bad),
        "ap": average_precision_score(y_bad, p_bad),
        "bad_rate_approved": float(np.asarray(y_bad)[approved].mean()),
    }
    for col in protected:
        out[f"air_{col}"] = adverse_impact_ratio(approved, frame[col])
    out["min_air"] = min(out[f"air_{c}"] for c in protected)
    return out
