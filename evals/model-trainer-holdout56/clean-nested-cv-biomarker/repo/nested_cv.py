"""Serum metabolite panel for early-onset pre-eclampsia (first-trimester samples, n~110, p~1,200)."""
import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.feature_selection import SelectKBest, VarianceThreshold, f_classif
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import (GridSearchCV, RepeatedStratifiedKFold, StratifiedKFold,
                                     cross_validate, permutation_test_score)
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

SCORING = {"roc_auc": "roc_auc", "pr_auc": "average_precision", "neg_brier": "neg_brier_score"}


def build_search(cfg):
    pipe = Pipeline([
        ("impute", SimpleImputer(strategy="median")),
        ("variance", VarianceThreshold(threshold=0.01)),
        ("scale", StandardScaler()),
        ("select", SelectKBest(f_classif)),
        ("clf", LogisticRegression(penalty="l2", class_weight="balanced", max_iter=5000)),
    ])
    inner = StratifiedKFold(n_splits=cfg["inner"]["n_splits"], shuffle=True, random_state=cfg["seed"])
    return GridSearchCV(pipe, cfg["grid"], scoring="roc_auc", cv=inner, n_jobs=-1)


def build_reference():
    # clinical reference: sFlt-1/PlGF ratio and maternal risk factors only
    return Pipeline([
        ("impute", SimpleImputer(strategy="median")),
        ("scale", StandardScaler()),
        ("clf", LogisticRegression(max_iter=2000)),
    ])


def summarise(res):
    return {k: {"mean": float(np.mean(res[f"test_{k}"])), "sd": float(np.std(res[f"test_{k}"]))}
            for k in SCORING}


def main(cfg_path="settings.json"):
    cfg = json.loads(Path(cfg_path).read_text())
    seed = cfg["seed"]
    np.random.seed(seed)

    X = pd.read_csv(cfg["features"], index_col="sample_id")
    clin = pd.read_csv(cfg["clinical"], index_col="sample_id").loc[X.index]
    y = clin[cfg["outcome"]].astype(int).to_numpy()
    print(f"n={len(y)}, p={X.shape[1]}, cases={y.sum()}")

    outer = RepeatedStratifiedKFold(n_splits=cfg["outer"]["n_splits"],
                                    n_repeats=cfg["outer"]["n_repeats"], random_state=seed)
    clinical_cols = ["sflt1_plgf_ratio", "bmi", "chronic_hypertension", "nulliparous", "maternal_age"]

    results = {
        "prior": summarise(cross_validate(DummyClassifier(strategy="prior"), X, y, cv=outer, scoring=SCORING)),
        "clinical_reference": summarise(cross_validate(build_reference(), clin[clinical_cols], y,
                                                       cv=outer, scoring=SCORING)),
    }
    nested = cross_validate(build_search(cfg), X, y, cv=outer, scoring=SCORING,
                            return_estimator=True, n_jobs=1)
    results["metabolite_panel"] = summarise(nested)
    chosen = pd.DataFrame([est.best_params_ for est in nested["estimator"]]).value_counts()

    score, perm_scores, p_value = permutation_test_score(
        build_search(cfg), X, y, cv=StratifiedKFold(5, shuffle=True, random_state=seed),
        n_permutations=cfg["n_permutations"], scoring="roc_auc", random_state=seed, n_jobs=-1)
    results["permutation"] = {"auc": float(score), "null_mean": float(perm_scores.mean()), "p": float(p_value)}

    for k, v in results.items():
        print(k, v)
    print("inner-loop choices across outer folds:\n", chosen.head(10))

    out = Path(cfg["out"])
    out.mkdir(parents=True, exist_ok=True)
    (out / "nested_cv.json").write_text(json.dumps(results, indent=2))
    chosen.to_csv(out / "chosen_hyperparameters.csv")


if __name__ == "__main__":
    main(*sys.argv[1:])
