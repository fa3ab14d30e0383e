"""Selection-rate audit by self-reported demographics (four-fifths rule)."""
import numpy as np
import pandas as pd
from sklearn.metrics import f1_score, roc_auc_score


def selection_audit(df: pd.DataFrame, score_col: str, label_col: str, group_col: str, threshold: float) -> pd.DataFrame:
    rows = []
    for g, part in df.groupby(group_col):
        pred = (part[score_col] >= threshold).astype(int)
        rows.append({
            group_col: g,
            "n": len(part),
            "selection_rate": pred.mean(),
            "f1": f1_score(part[label_col], pred, zero_division=0),
            "auc": roc_auc_score(part[label_col], part[score_col]) if part[label_col].nunique() == 2 else np.nan,
        })
    out = pd.DataFrame(rows)
    out["impact_ratio"] = out["selection_rate"] / out["selection_rate"].max()
    out["passes_four_fifths"] = out["impact_ratio"] >= 0.8
    return out
