import numpy as np
from sklearn.calibration import CalibratedClassifierCV


def calibrate(model, X, y, method="isotonic"):
    """Wrap an already fitted classifier with per-class isotonic calibration."""
    cal = CalibratedClassifierCV(model, method=method, cv="prefit")
    cal.fit(X, y)
    return cal


def expected_calibration_error(proba, y, n_bins=15):
    conf = proba.max(axis=1)
    correct = (proba.argmax(axis=1) == y).astype(float)
    edges = np.linspace(0.0, 1.0, n_bins + 1)
    ece = 0.0
    for lo, hi in zip(edges[:-1], edges[1:]):
        m = (conf > lo) & (conf <= hi)
        if m.any():
            ece += m.mean() * abs(correct[m].mean() - conf[m].mean())
    return float(ece)


def multiclass_brier(proba, y):
    onehot = np.eye(proba.shape[1])[y]
    return float(((proba - onehot) ** 2).sum(axis=1).mean())
