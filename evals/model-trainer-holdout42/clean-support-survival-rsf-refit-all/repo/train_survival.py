"""Survival model for the SUPPORT cohort: Cox baseline vs random survival forest."""
import argparse
import json

import joblib
import numpy as np
import pandas as pd
import yaml
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.model_selection import KFold, ParameterGrid, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from sksurv.ensemble import RandomSurvivalForest
from sksurv.linear_model import CoxPHSurvivalAnalysis
from sksurv.metrics import concordance_index_censored, cumulative_dynamic_auc, integrated_brier_score
from sksurv.util import Surv

from survival.features import CATEGORICAL, NUMERIC, prepare


def make_prep(scale):
    num = [("impute", SimpleImputer(strategy="median"))] + ([("scale", StandardScaler())] if scale else [])
    return ColumnTransformer([
        ("num", Pipeline(num), NUMERIC),
        ("cat", OneHotEncoder(handle_unknown="ignore", drop="if_binary", sparse_output=False), CATEGORICAL),
    ])


def cox_pipeline():
    return Pipeline([("prep", make_prep(True)), ("cox", CoxPHSurvivalAnalysis(alpha=0.1, ties="efron"))])


def rsf_pipeline(params, n_estimators, seed):
    rsf = RandomSurvivalForest(n_estimators=n_estimators, random_state=seed, n_jobs=-1, **params)
    return Pipeline([("prep", make_prep(False)), ("rsf", rsf)])


def harrell_c(y, risk):
    return concordance_index_censored(y["event"], y["time"], risk)[0]


def evaluate(model, y_train, X_test, y_test, times):
    risk = model.predict(X_test)
    surv = np.vstack([[fn(t) for t in times] for fn in model.predict_survival_function(X_test)])
    auc_t, mean_auc = cumulative_dynamic_auc(y_train, y_test, risk, times)
    return {"harrell_c": harrell_c(y_test, risk),
            "mean_td_auc": float(mean_auc),
            "td_auc": dict(zip(map(int, times), map(float, auc_t))),
            "integrated_brier": float(integrated_brier_score(y_train, y_test, surv, times))}


def main(cfg):
    seed = cfg["seed"]
    raw = pd.read_csv(cfg["data"])
    X = prepare(raw)
    y = Surv.from_arrays(event=raw[cfg["event_col"]].astype(bool), time=raw[cfg["duration_col"]].astype(float))

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=cfg["test_size"], stratify=y["event"], random_state=seed)
    times = np.array(cfg["eval_times_days"], dtype=float)

    folds = KFold(n_splits=cfg["cv_folds"], shuffle=True, random_state=seed)
    best_params, best_c = None, -np.inf
    for params in ParameterGrid(cfg["rsf_grid"]):
        cs = []
        for tr, va in folds.split(X_train):
            m = rsf_pipeline(params, cfg["rsf_n_estimators"], seed).fit(X_train.iloc[tr], y_train[tr])
            cs.append(harrell_c(y_train[va], m.predict(X_train.iloc[va])))
        print(params, f"CV C-index {np.mean(cs):.4f}")
        if np.mean(cs) > best_c:
            best_params, best_c = params, np.mean(cs)

    cox = cox_pipeline().fit(X_train, y_train)
    rsf = rsf_pipeline(best_params, cfg["rsf_n_estimators"], seed).fit(X_train, y_train)
    report = {
        "cox_ph": evaluate(cox, y_train, X_test, y_test, times),
        "rsf": evaluate(rsf, y_train, X_test, y_test, times),
        "rsf_params": best_params,
        "rsf_cv_c": float(best_c),
    }
    print(json.dumps(report, indent=2, default=str))

    final = rsf_pipeline(best_params, cfg["rsf_n_estimators"], seed).fit(X, y)
    joblib.dump({"model": final, "params": best_params, "holdout_report": report}, cfg["final_model_path"])


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    with open(ap.parse_args().config) as fh:
        main(yaml.safe_load(fh))
