"""Patient-disjoint readmission model: grouped CV for tuning, grouped hold-out for reporting."""
import json

import joblib
import numpy as np
import yaml
from sklearn.dummy import DummyClassifier
from sklearn.model_selection import GridSearchCV, StratifiedGroupKFold, cross_val_predict

from readmit.cohort import CATEGORICAL, NUMERIC, load_cohort
from readmit.modeling import (boosting_pipeline, logistic_pipeline, summarize,
                              threshold_at_sensitivity)


def main():
    cfg = yaml.safe_load(open("config.yaml"))
    seed = cfg["seed"]
    np.random.seed(seed)

    df = load_cohort(cfg["data"]["path"])
    X = df[NUMERIC + CATEGORICAL]
    y = df[cfg["data"]["label"]].to_numpy()
    groups = df[cfg["data"]["group"]].to_numpy()

    outer = StratifiedGroupKFold(n_splits=cfg["holdout_folds"], shuffle=True, random_state=seed)
    train_idx, test_idx = next(outer.split(X, y, groups))
    assert not set(groups[train_idx]) & set(groups[test_idx])
    X_train, y_train, g_train = X.iloc[train_idx], y[train_idx], groups[train_idx]
    X_test, y_test = X.iloc[test_idx], y[test_idx]

    inner = StratifiedGroupKFold(n_splits=cfg["cv_folds"], shuffle=True, random_state=seed)
    search = GridSearchCV(boosting_pipeline(seed), cfg["grid"], scoring="average_precision",
                          cv=inner, n_jobs=-1, refit=True)
    search.fit(X_train, y_train, groups=g_train)
    print("best params:", search.best_params_, "cv auprc:", round(search.best_score_, 4))

    oof = cross_val_predict(search.best_estimator_, X_train, y_train, groups=g_train,
                            cv=inner, method="predict_proba")[:, 1]
    threshold = threshold_at_sensitivity(y_train, oof, cfg["target_sensitivity"])
    print(f"threshold from out-of-fold training predictions: {threshold:.4f}")

    candidates = {
        "prior": DummyClassifier(strategy="prior").fit(X_train, y_train),
        "logreg": logistic_pipeline().fit(X_train, y_train),
        "hgb": search.best_estimator_,
    }
    results = {}
    for name, model in candidates.items():
        proba = model.predict_proba(X_test)[:, 1]
        results[name] = summarize(y_test, proba, threshold if name == "hgb" else None)
        print(name, {k: round(float(v), 4) for k, v in results[name].items()})

    joblib.dump({"model": search.best_estimator_, "threshold": threshold}, "readmit_hgb.joblib")
    with open("holdout_metrics.json", "w") as fh:
        json.dump(results, fh, indent=2, default=float)


if __name__ == "__main__":
    main()
