"""Nested cross-validation comparison for the thyroid nodule triage model.

Outer loop estimates generalisation, inner loop tunes each candidate.
"""
import json
from functools import partial
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.feature_selection import SelectKBest, mutual_info_classif
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GridSearchCV, StratifiedKFold, cross_validate
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

SEED = 31
SCORING = {"roc_auc": "roc_auc", "average_precision": "average_precision",
           "balanced_accuracy": "balanced_accuracy", "neg_brier": "neg_brier_score"}


def candidates():
    scaled = lambda clf: Pipeline([
        ("impute", SimpleImputer(strategy="median")),
        ("scale", StandardScaler()),
        ("select", SelectKBest(partial(mutual_info_classif, random_state=SEED))),
        ("clf", clf),
    ])
    return {
        "logreg": (scaled(LogisticRegression(max_iter=5000)),
                   {"select__k": [10, 20, "all"], "clf__C": np.logspace(-3, 2, 6)}),
        "svc_rbf": (scaled(SVC(probability=True, random_state=SEED)),
                    {"select__k": [10, 20, "all"], "clf__C": [0.3, 1, 3, 10],
                     "clf__gamma": ["scale", 0.01, 0.1]}),
        "gbm": (Pipeline([("impute", SimpleImputer(strategy="median")),
                          ("clf", GradientBoostingClassifier(random_state=SEED))]),
                {"clf__n_estimators": [100, 300], "clf__max_depth": [2, 3],
                 "clf__learning_rate": [0.05, 0.1]}),
    }


def main():
    df = pd.read_csv("data/nodules.csv")
    y = (df["pathology"] == "malignant").astype(int).to_numpy()
    X = df.drop(columns=["pathology", "patient_id"])
    assert df["patient_id"].is_unique, "one nodule per patient expected"

    outer = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
    inner = StratifiedKFold(n_splits=4, shuffle=True, random_state=SEED + 1)

    rows = {}
    dummy = cross_validate(DummyClassifier(strategy="prior"), X, y, cv=outer, scoring=SCORING)
    rows["dummy_prior"] = {k: dummy[f"test_{k}"].mean() for k in SCORING}

    for name, (pipe, grid) in candidates().items():
        search = GridSearchCV(pipe, grid, cv=inner, scoring="roc_auc", n_jobs=-1)
        res = cross_validate(search, X, y, cv=outer, scoring=SCORING, n_jobs=1)
        rows[name] = {k: res[f"test_{k}"].mean() for k in SCORING}
        rows[name]["roc_auc_std"] = res["test_roc_auc"].std()
        print(f"{name:>8}: outer AUC {rows[name]['roc_auc']:.3f} +/- {rows[name]['roc_auc_std']:.3f}")

    table = pd.DataFrame(rows).T.sort_values("roc_auc", ascending=False)
    print(table.round(3).to_string())

    chosen = table.index[0]
    pipe, grid = candidates()[chosen]
    final = GridSearchCV(pipe, grid, cv=inner, scoring="roc_auc", n_jobs=-1).fit(X, y)

    out = Path("artifacts/nested_cv")
    out.mkdir(parents=True, exist_ok=True)
    table.to_csv(out / "outer_cv_comparison.csv")
    joblib.dump(final.best_estimator_, out / f"{chosen}.joblib")
    (out / "selection.json").write_text(json.dumps(
        {"chosen": chosen, "params": final.best_params_,
         "outer_cv_estimate": table.loc[chosen].to_dict()}, indent=2, default=str))


if __name__ == "__main__":
    main()
