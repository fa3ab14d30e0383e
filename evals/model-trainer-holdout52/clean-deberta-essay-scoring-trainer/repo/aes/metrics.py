import numpy as np
from scipy.optimize import minimize
from sklearn.metrics import cohen_kappa_score, mean_squared_error


def qwk(y_true, y_pred_int):
    return cohen_kappa_score(y_true, y_pred_int, weights="quadratic")


def apply_cuts(pred, cuts):
    return np.digitize(pred, np.sort(cuts)) + 1


class OptimizedRounder:
    """Learns the 5 cut points that map a continuous score to classes 1..6 by maximising QWK."""

    def __init__(self):
        self.cuts_ = np.array([1.5, 2.5, 3.5, 4.5, 5.5])

    def fit(self, pred, y):
        loss = lambda c: -qwk(y, apply_cuts(pred, c))
        self.cuts_ = np.sort(minimize(loss, self.cuts_, method="Nelder-Mead").x)
        return self

    def predict(self, pred):
        return apply_cuts(pred, self.cuts_)


def regression_report(y, pred, cuts):
    return {
        "rmse": float(mean_squared_error(y, pred, squared=False)),
        "qwk_round": float(qwk(y, np.clip(np.rint(pred), 1, 6).astype(int))),
        "qwk_cuts": float(qwk(y, apply_cuts(pred, cuts))),
    }
