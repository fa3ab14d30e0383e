import numpy as np
from sklearn.metrics import precision_recall_curve


def fbeta_threshold(y_true, scores, beta: float) -> float:
    """Threshold maximising F-beta on the data given (use validation data)."""
    precision, recall, thresholds = precision_recall_curve(y_true, scores)
    p, r = precision[:-1], recall[:-1]
    fbeta = (1 + beta**2) * p * r / np.clip(beta**2 * p + r, 1e-12, None)
    return float(thresholds[int(np.argmax(fbeta))])
