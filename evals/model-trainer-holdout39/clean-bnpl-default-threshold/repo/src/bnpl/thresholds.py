import numpy as np
from sklearn.metrics import precision_recall_curve


def threshold_for_recall(y_true, scores, target_recall: float) -> float:
    """Highest score cut-off that still catches `target_recall` of defaulters.

    Meant to be called on validation predictions; the value is stored and re-used unchanged on test.
    """
    precision, recall, thresholds = precision_recall_curve(y_true, scores)
    ok = np.where(recall[:-1] >= target_recall)[0]
    return float(thresholds[ok[-1]])
