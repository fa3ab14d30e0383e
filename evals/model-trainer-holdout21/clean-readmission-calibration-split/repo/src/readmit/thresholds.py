import numpy as np
from sklearn.metrics import precision_recall_curve


def threshold_at_recall(y_true, proba, target_recall: float) -> float:
    """Highest threshold that still reaches target_recall (fewest alerts for that sensitivity)."""
    _, recall, thr = precision_recall_curve(y_true, proba)
    ok = np.where(recall[:-1] >= target_recall)[0]
    return float(thr[ok[-1]]) if len(ok) else float(thr[0])
