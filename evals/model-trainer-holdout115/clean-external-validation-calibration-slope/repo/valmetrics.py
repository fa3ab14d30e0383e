import numpy as np
import statsmodels.api as sm
from sklearn.metrics import brier_score_loss, roc_auc_score
from statsmodels.nonparametric.smoothers_lowess import lowess


def logit(p):
    p = np.clip(p, 1e-8, 1 - 1e-8)
    return np.log(p / (1 - p))


def calibration_measures(y, p):
    """Calibration-in-the-large (intercept with LP offset) and calibration slope (Van Calster 2016)."""
    lp = logit(p)
    slope_fit = sm.GLM(y, sm.add_constant(lp), family=sm.families.Binomial()).fit()
    citl_fit = sm.GLM(y, np.ones((len(y), 1)), family=sm.families.Binomial(), offset=lp).fit()
    return {
        "cal_slope": float(slope_fit.params[1]),
        "cal_slope_ci": slope_fit.conf_int()[1].tolist(),
        "citl": float(citl_fit.params[0]),
        "oe_ratio": float(y.mean() / p.mean()),
    }


def flexible_calibration_curve(y, p, frac=0.6):
    sm_curve = lowess(y, p, frac=frac, it=0, return_sorted=True)
    return sm_curve[:, 0], sm_curve[:, 1]


def net_benefit(y, p, thresholds):
    n = len(y)
    out = []
    for t in thresholds:
        pos = p >= t
        tp = np.sum(pos & (y == 1))
        fp = np.sum(pos & (y == 0))
        nb = tp / n - fp / n * (t / (1 - t))
        treat_all = y.mean() - (1 - y.mean()) * (t / (1 - t))
        out.append((t, nb, treat_all))
    return out


def auc_with_ci(y, p, n_boot, rng):
    auc = roc_auc_score(y, p)
    boots = []
    for _ in range(n_boot):
        idx = rng.integers(0, len(y), len(y))
        if y[idx].min() == y[idx].max():
            continue
        boots.append(roc_auc_score(y[idx], p[idx]))
    return auc, np.percentile(boots, [2.5, 97.5]).tolist(), brier_score_loss(y, p)
