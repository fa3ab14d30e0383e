"""In-hospital mortality after acute MI: logistic regression with restricted cubic splines."""
import numpy as np
import pandas as pd
import statsmodels.api as sm
import statsmodels.formula.api as smf

FORMULA = (
    "died_in_hospital ~ cr(age, df=3) + cr(heart_rate, df=3) + cr(sbp, df=3)"
    " + cr(creatinine, df=3) + C(killip_class) + cardiac_arrest_admit"
    " + st_deviation + troponin_elevated"
)


def fit_model(df: pd.DataFrame):
    return smf.glm(FORMULA, data=df, family=sm.families.Binomial()).fit()


def predict_risk(res, df: pd.DataFrame) -> np.ndarray:
    return np.asarray(res.predict(df))


def calibration_slope(y, p):
    lp = np.log(p / (1 - p))
    fit = sm.GLM(y, sm.add_constant(lp), family=sm.families.Binomial()).fit()
    return float(fit.params[1])
