"""Community-acquired pneumonia 30-day mortality: spline logistic regression + performance measures."""
import numpy as np
import statsmodels.api as sm
import statsmodels.formula.api as smf
from sklearn.metrics import brier_score_loss, roc_auc_score


def fit(formula, data):
    return smf.glm(formula, data=data, family=sm.families.Binomial()).fit()


def performance(result, data, outcome):
    p = np.clip(np.asarray(result.predict(data)), 1e-6, 1 - 1e-6)
    y = data[outcome].to_numpy()
    lp = np.log(p / (1 - p))
    recal = sm.GLM(y, sm.add_constant(lp), family=sm.families.Binomial()).fit()
    citl = sm.GLM(y, np.ones_like(lp), family=sm.families.Binomial(), offset=lp).fit()
    return {
        "c_statistic": roc_auc_score(y, p),
        "brier": brier_score_loss(y, p),
        "cal_slope": float(recal.params[1]),
        "cal_in_the_large": float(citl.params[0]),
    }
