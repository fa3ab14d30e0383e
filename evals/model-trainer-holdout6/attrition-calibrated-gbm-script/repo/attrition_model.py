"""Voluntary attrition risk (12-month horizon) for the HR analytics dashboard.

Scores are shown to HR business partners as probabilities, so they must be calibrated.
"""
import logging

import joblib
import numpy as np
import pandas as pd
from sklearn.calibration import CalibratedClassifierCV
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import StratifiedShuffleSplit
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, OrdinalEncoder, StandardScaler

logging.basicConfig(level=logging.INFO)
LOG = logging.getLogger("attrition")

CATEGORICAL = ["Department", "JobRole", "MaritalStatus", "BusinessTravel", "EducationField"]
ORDINAL = ["JobLevel", "StockOptionLevel", "JobSatisfaction", "EnvironmentSatisfaction", "WorkLifeBalance"]
NUMERIC = ["Age", "MonthlyIncome", "DistanceFromHome", "TotalWorkingYears", "YearsAtCompany",
           "YearsSinceLastPromotion", "YearsWithCurrManager", "NumCompaniesWorked", "PercentSalaryHike"]


def make_preprocessor(scale_numeric: bool) -> ColumnTransformer:
    return ColumnTransformer([
        ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=10), CATEGORICAL),
        ("ord", OrdinalEncoder(), ORDINAL),
        ("num", StandardScaler() if scale_numeric else "passthrough", NUMERIC),
    ])


def calibrate(fitted, feats, labels):
    cal = CalibratedClassifierCV(fitted, method="isotonic", cv="prefit")
    return cal.fit(feats, labels)


def report(name, labels, proba):
    LOG.info("%-10s ROC-AUC %.3f  PR-AUC %.3f  Brier %.4f", name,
             roc_auc_score(labels, proba), average_precision_score(labels, proba), brier_score_loss(labels, proba))


def main():
    hr = pd.read_csv("data/hris_snapshot_2023-12.csv")
    hr = hr[hr["EmploymentType"] == "Permanent"]
    y = (hr["LeftWithin12m"] == "Yes").astype(int).to_numpy()
    X = hr[CATEGORICAL + ORDINAL + NUMERIC]

    sss = StratifiedShuffleSplit(n_splits=1, test_size=0.25)
    fit_rows, out_rows = next(sss.split(X, y))
    X_fit, y_fit = X.iloc[fit_rows], y[fit_rows]
    X_out, y_out = X.iloc[out_rows], y[out_rows]
    LOG.info("positives: fit %.3f  out %.3f", y_fit.mean(), y_out.mean())

    logit = Pipeline([("prep", make_preprocessor(True)),
                      ("clf", LogisticRegression(C=0.5, max_iter=3000, class_weight="balanced"))])
    gbm = Pipeline([("prep", make_preprocessor(False)),
                    ("clf", HistGradientBoostingClassifier(learning_rate=0.05, max_iter=300, max_depth=4,
                                                           l2_regularization=1.0, random_state=0))])
    logit.fit(X_fit, y_fit)
    gbm.fit(X_fit, y_fit)

    gbm_cal = calibrate(gbm, X_out, y_out)

    report("prior", y_out, np.full(len(y_out), y_fit.mean()))
    report("logit", y_out, logit.predict_proba(X_out)[:, 1])
    report("gbm", y_out, gbm.predict_proba(X_out)[:, 1])
    report("gbm+iso", y_out, gbm_cal.predict_proba(X_out)[:, 1])

    joblib.dump(gbm_cal, "models/attrition_gbm_isotonic.joblib")


if __name__ == "__main__":
    main()
