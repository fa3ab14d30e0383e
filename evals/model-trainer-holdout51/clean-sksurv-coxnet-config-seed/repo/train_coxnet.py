"""Elastic-net Cox model for income-protection lapses (scikit-survival)."""
import argparse
import json

import numpy as np
import pandas as pd
from sklearn.model_selection import GridSearchCV, StratifiedKFold, train_test_split
from sksurv.linear_model import CoxPHSurvivalAnalysis
from sksurv.metrics import concordance_index_ipcw, integrated_brier_score
from sksurv.nonparametric import kaplan_meier_estimator
from sksurv.util import Surv

from survlapse.model import build_pipeline
from survlapse.setup import load_config


def main(cfg_path):
    cfg = load_config(cfg_path)
    dcfg, fcfg, scfg = cfg["data"], cfg["features"], cfg["search"]

    df = pd.read_parquet(dcfg["path"])
    X = df[fcfg["numeric"] + fcfg["categorical"]]
    y = Surv.from_arrays(event=df[dcfg["event"]].astype(bool), time=df[dcfg["duration"]].astype(float))

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=dcfg["test_size"], stratify=df[dcfg["event"]], random_state=cfg["seed"]
    )

    # alpha path from a first fit on the training data only
    pipe = build_pipeline(fcfg, scfg)
    pipe.fit(X_train, y_train)
    alphas = pipe.named_steps["coxnet"].alphas_

    cv = StratifiedKFold(n_splits=scfg["cv_folds"], shuffle=True, random_state=cfg["seed"])
    search = GridSearchCV(
        pipe,
        param_grid={"coxnet__alphas": [[a] for a in alphas], "coxnet__l1_ratio": scfg["l1_ratio"]},
        cv=list(cv.split(X_train, y_train["event"])),
        error_score=0.5,
        n_jobs=-1,
    )
    search.fit(X_train, y_train)
    best = search.best_estimator_
    print("best params:", search.best_params_, "CV c-index:", round(search.best_score_, 4))

    horizons = np.array(cfg["eval_horizons_months"], dtype=float)
    horizons = horizons[horizons < y_test["time"].max()]

    km_times, km_surv = kaplan_meier_estimator(y_train["event"], y_train["time"])
    km_probs = np.tile(np.interp(horizons, km_times, km_surv), (len(X_test), 1))

    age_only = CoxPHSurvivalAnalysis().fit(X_train[["age"]], y_train)

    results = {
        "kaplan_meier": {"ibs": integrated_brier_score(y_train, y_test, km_probs, horizons)},
        "age_only_cox": {
            "c_ipcw": concordance_index_ipcw(y_train, y_test, age_only.predict(X_test[["age"]]), tau=horizons[-1])[0],
            "ibs": integrated_brier_score(
                y_train, y_test,
                np.vstack([fn(horizons) for fn in age_only.predict_survival_function(X_test[["age"]])]),
                horizons,
            ),
        },
        "coxnet": {
            "c_ipcw": concordance_index_ipcw(y_train, y_test, best.predict(X_test), tau=horizons[-1])[0],
            "ibs": integrated_brier_score(
                y_train, y_test,
                np.vstack([fn(horizons) for fn in best.predict_survival_function(X_test)]),
                horizons,
            ),
        },
    }
    print(json.dumps({k: {m: round(float(v), 4) for m, v in d.items()} for k, d in results.items()}, indent=2))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/coxnet.yaml")
    main(parser.parse_args().config)
