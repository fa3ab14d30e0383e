import numpy as np
from sklearn.metrics import precision_recall_curve


def threshold_for_precision(y_true, scores, min_precision):
    """Lowest threshold whose precision reaches min_precision (maximises recall under that constraint)."""
    precision, recall, thresholds = precision_recall_curve(y_true, scores)
    ok = np.where(precision[:-1] >= min_precision)[0]
    if len(ok) == 0:
        return float(thresholds[np.argmax(precision[:-1])])
    best = ok[np.argmax(recall[:-1][ok])]
    return float(thresholds[best])
