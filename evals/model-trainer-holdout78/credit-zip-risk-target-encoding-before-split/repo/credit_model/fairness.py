"""Fair-lending audit helpers (adverse impact ratio, error-rate parity)."""
import numpy as np
import pandas as pd
from sklearn.metrics import roc_auc_score


def pick_threshold(y_true, scores, max_default_rate: float) -> float:
    """Largest PD cut-off whose approved population stays under the target default rate."""
    y_true = np.asarray(y_true)
    best = float(np.min(scores))
    for t in np.quantile(scores, np.linspace(0.05, 0.95, 91)):
        approved = scores < t
        if approved.sum() == 0:
            continue
        if y_true[approved].mean() <= max_default_rate:
            best = float(t)
    return best


def group_report(y_true, scores, groups: pd.Series, threshold: float) -> pd.DataFrame:
    y_true = np.asarray(y_true)
    approved = np.asarray(scores) < threshold
    rows = []
    for g in sorted(groups.unique()):
        m = (groups == g).to_numpy()
        yt, ap = y_true[m], approved[m]
        rows.append({
            "group": g,
            "n": int(m.sum()),
            "approval_rate": float(ap.mean()),
            "default_rate_approved": float(yt[ap].mean()) if ap.any() else np.nan,
            "false_decline_rate": float((~ap & (yt == 0)).sum() / max((yt == 0).sum(), 1)),
            "auc": roc_auc_score(yt, np.asarray(scores)[m]) if len(np.unique(yt)) == 2 else np.nan,
        })
    report = pd.DataFrame(rows)
    reference = report["approval_rate"].max()
    report["adverse_impact_ratio"] = report["approval_rate"] / reference
    return report
