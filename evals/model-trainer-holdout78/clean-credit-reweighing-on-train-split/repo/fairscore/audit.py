import numpy as np
import pandas as pd
from sklearn.metrics import roc_auc_score


def cutoff_for_bad_rate(y_bad, p_bad, target_bad_rate):
    """Highest PD cut-off whose approved book stays at or below the target bad rate."""
    y_bad, p_bad = np.asarray(y_bad), np.asarray(p_bad)
    order = np.argsort(p_bad)
    cum_bad = np.cumsum(y_bad[order]) / np.arange(1, len(order) + 1)
    ok = np.where(cum_bad <= target_bad_rate)[0]
    return float(p_bad[order][ok.max()]) if len(ok) else float(p_bad.min())


def audit_table(y_bad, p_bad, groups, cutoff):
    y_bad, p_bad, groups = np.asarray(y_bad), np.asarray(p_bad), np.asarray(groups)
    approved = p_bad <= cutoff
    rows = []
    for g in np.unique(groups):
        m = groups == g
        good = m & (y_bad == 0)
        rows.append({"group": g, "n": int(m.sum()), "approval_rate": approved[m].mean(),
                     "good_applicant_approval_rate": approved[good].mean() if good.any() else np.nan,
                     "auc": roc_auc_score(y_bad[m], p_bad[m]) if len(np.unique(y_bad[m])) == 2 else np.nan})
    table = pd.DataFrame(rows)
    table["air"] = table["approval_rate"] / table["approval_rate"].max()
    table["eo_gap"] = table["good_applicant_approval_rate"].max() - table["good_applicant_approval_rate"]
    return table
