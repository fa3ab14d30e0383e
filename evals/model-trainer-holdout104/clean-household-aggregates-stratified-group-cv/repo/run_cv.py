"""Cross-validated comparison + held-out check for the coverage-gap model.

python run_cv.py --params params.toml
"""
import argparse
import json

import numpy as np
import pandas as pd
import tomli
from sklearn.base import clone
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import StratifiedGroupKFold

from coverage.features import FEATURES_CAT, FEATURES_NUM, add_household_context
from coverage.modeling import candidate_models


def score(y, p, w):
    return {
        "auc": roc_auc_score(y, p, sample_weight=w),
        "ap": average_precision_score(y, p, sample_weight=w),
        "brier": brier_score_loss(y, p, sample_weight=w),
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--params", default="params.toml")
    with open(ap.parse_args().params, "rb") as fh:
        params = tomli.load(fh)
    seed, target, wcol, gcol = params["seed"], params["target"], params["weight"], params["group"]

    persons = pd.read_parquet(params["data_path"])
    df = add_household_context(persons, group=gcol)
    X = df[FEATURES_NUM + FEATURES_CAT]
    y = df[target].astype(int).to_numpy()
    w = df[wcol].to_numpy()
    groups = df[gcol].to_numpy()

    outer = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=seed)
    dev_idx, test_idx = next(outer.split(X, y, groups))
    X_dev, y_dev, w_dev, g_dev = X.iloc[dev_idx], y[dev_idx], w[dev_idx], groups[dev_idx]
    assert not set(g_dev) & set(groups[test_idx])

    inner = StratifiedGroupKFold(n_splits=params["n_folds"], shuffle=True, random_state=seed)
    models = candidate_models(params, seed)
    cv_results = {name: [] for name in models}
    for fold, (tr, va) in enumerate(inner.split(X_dev, y_dev, g_dev)):
        for name, model in models.items():
            m = clone(model).fit(X_dev.iloc[tr], y_dev[tr], clf__sample_weight=w_dev[tr])
            cv_results[name].append(score(y_dev[va], m.predict_proba(X_dev.iloc[va])[:, 1], w_dev[va]))
    summary = {name: pd.DataFrame(r).mean().round(4).to_dict() for name, r in cv_results.items()}
    print(json.dumps(summary, indent=2))

    chosen = max(["logit", "gbm"], key=lambda n: summary[n]["auc"])
    final = clone(models[chosen]).fit(X_dev, y_dev, clf__sample_weight=w_dev)
    p_test = final.predict_proba(X.iloc[test_idx])[:, 1]
    prior = clone(models["prior"]).fit(X_dev, y_dev, clf__sample_weight=w_dev)
    p_prior = prior.predict_proba(X.iloc[test_idx])[:, 1]
    report = {
        "chosen": chosen,
        "test": score(y[test_idx], p_test, w[test_idx]),
        "test_prior": score(y[test_idx], p_prior, w[test_idx]),
        "n_test_households": int(np.unique(groups[test_idx]).size),
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
