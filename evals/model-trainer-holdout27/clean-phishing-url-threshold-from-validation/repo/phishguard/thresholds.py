import numpy as np
from sklearn.metrics import precision_recall_curve


def threshold_for_precision(y_val, p_val, target: float) -> float:
    """Lowest threshold whose validation precision reaches the target (max recall at that precision)."""
    precision, _, thresholds = precision_recall_curve(y_val, p_val)
    ok = np.flatnonzero(precision[:-1] >= target)
    return float(thresholds[ok[0]]) if len(ok) else float(thresholds[-1])
