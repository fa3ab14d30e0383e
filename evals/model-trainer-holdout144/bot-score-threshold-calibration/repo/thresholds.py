import numpy as np
from sklearn.metrics import precision_recall_curve


def threshold_for_precision(y_true, scores, target_precision):
    """Lowest score threshold whose precision reaches the target (max recall at that precision)."""
    precision, recall, thr = precision_recall_curve(y_true, scores)
    ok = np.where(precision[:-1] >= target_precision)[0]
    if len(ok) == 0:
        return float(thr[-1])
    return float(thr[ok[0]])


def rates_at(y_true, scores, threshold):
    pred = scores >= threshold
    tp = int(np.sum(pred & (y_true == 1)))
    fp = int(np.sum(pred & (y_true == 0)))
    fn = int(np.sum(~pred & (y_true == 1)))
    precision = tp / max(tp + fp, 1)
    recall = tp / max(tp + fn, 1)
    return {"precision": precision, "recall": recall, "flagged": int(pred.sum())}
