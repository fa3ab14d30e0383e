"""Penalised Cox (Coxnet) for mortality after acute MI (Worcester Heart Attack Study style data).

Held-out metrics: Uno's C, cumulative/dynamic AUC and integrated Brier score. The censoring
distribution for the IPCW weights is estimated from the training outcomes, as sksurv expects.
"""
import warnings

import numpy as np
import pandas as pd
from sklearn.exceptions import FitFailedWarning
from sklearn.model_selection import GridSearchCV, KFold, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sksurv.datasets import load_whas500
from sksurv.linear_model import CoxnetSurvivalAnalysis, CoxPHSurvivalAnalysis
from sksurv.metrics import (concordance_index_ipcw, cumulative_dynamic_auc,
                            integrated_brier_score)
from sksurv.preprocessing import OneHotEncoder

SEED = 0
X, y = load_whas500()

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.25, stratify=y["fstat"], random_state=SEED
)
encoder = OneHotEncoder().fit(X_train)
X_train, X_test = encoder.transform(X_train).astype(float), encoder.transform(X_test).astype(float)

alphas = CoxnetSurvivalAnalysis(l1_ratio=0.9, alpha_min_ratio=0.01, n_alphas=50).fit(
    StandardScaler().fit_transform(X_train), y_train
).alphas_

pipe = make_pipeline(StandardScaler(), CoxnetSurvivalAnalysis(l1_ratio=0.9, fit_baseline_model=True))
cv = KFold(n_splits=5, shuffle=True, random_state=SEED)
search = GridSearchCV(pipe, {"coxnetsurvivalanalysis__alphas": [[a] for a in alphas]},
                      cv=cv, error_score=0.5, n_jobs=-1)
with warnings.catch_warnings():
    warnings.simplefilter("ignore", FitFailedWarning)
    search.fit(X_train, y_train)
coxnet = search.best_estimator_
print("selected alpha:", search.best_params_["coxnetsurvivalanalysis__alphas"][0])

base_cols = ["age", "bmi", "chf=1"]
baseline = make_pipeline(StandardScaler(), CoxPHSurvivalAnalysis()).fit(X_train[base_cols], y_train)

lo, hi = np.percentile(y_train["lenfol"][y_train["fstat"]], [5, 80])
times = np.linspace(lo, min(hi, y_test["lenfol"].max() - 1), 30)


def held_out(model, Xt):
    risk = model.predict(Xt)
    uno = concordance_index_ipcw(y_train, y_test, risk, tau=times[-1])[0]
    _, mean_auc = cumulative_dynamic_auc(y_train, y_test, risk, times)
    surv = np.vstack([fn(times) for fn in model.predict_survival_function(Xt)])
    ibs = integrated_brier_score(y_train, y_test, surv, times)
    return {"uno_c": uno, "mean_td_auc": mean_auc, "ibs": ibs}


report = pd.DataFrame({
    "coxnet": held_out(coxnet, X_test),
    "age+bmi+chf cox": held_out(baseline, X_test[base_cols]),
}).T
print(report.round(4))
