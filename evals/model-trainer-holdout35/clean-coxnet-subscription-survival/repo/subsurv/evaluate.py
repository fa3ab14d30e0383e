import numpy as np
from sksurv.metrics import concordance_index_ipcw, integrated_brier_score
from sksurv.nonparametric import kaplan_meier_estimator


def eval_grid(y_train, y_test, q_lo=0.1, q_hi=0.8, n=40):
    """Evaluation times inside the follow-up range of the test set (required by IPCW estimators)."""
    t = y_test["tenure_days"]
    return np.quantile(t, np.linspace(q_lo, q_hi, n))


def km_baseline_surv(y_train, times, n_rows):
    """Population survival curve from the training subscribers, used for every test row."""
    km_t, km_s = kaplan_meier_estimator(y_train["cancelled"], y_train["tenure_days"])
    idx = np.searchsorted(km_t, times, side="right") - 1
    curve = np.where(idx >= 0, km_s[np.clip(idx, 0, None)], 1.0)
    return np.tile(curve, (n_rows, 1))


def survival_metrics(model, X_test, y_train, y_test, times) -> dict:
    risk = model.predict(X_test)
    surv = np.vstack([fn(times) for fn in model.predict_survival_function(X_test)])
    tau = times.max()
    return {
        "uno_c": concordance_index_ipcw(y_train, y_test, risk, tau=tau)[0],
        "ibs": integrated_brier_score(y_train, y_test, surv, times),
    }


def km_metrics(y_train, y_test, times) -> dict:
    surv = km_baseline_surv(y_train, times, len(y_test))
    return {"uno_c": 0.5, "ibs": integrated_brier_score(y_train, y_test, surv, times)}
