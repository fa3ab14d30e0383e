"""Subject-independent comparison of activity classifiers on WISDM-2019 watch data."""
import json

import numpy as np
import pandas as pd
import yaml
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import RandomForestClassifier
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedGroupKFold, cross_validate
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

from wisdm.windows import make_windows, summarise


def build_candidates(cfg):
    seed = cfg["seed"]
    return {
        "majority": DummyClassifier(strategy="most_frequent"),
        "logreg": Pipeline([
            ("scale", StandardScaler()),
            ("clf", LogisticRegression(max_iter=3000, C=0.5, random_state=seed)),
        ]),
        "rf_selected": Pipeline([
            ("scale", StandardScaler()),
            ("select", SelectKBest(f_classif, k=cfg["select_k"])),
            ("clf", RandomForestClassifier(
                n_estimators=cfg["forest"]["n_estimators"],
                min_samples_leaf=cfg["forest"]["min_samples_leaf"],
                max_features=cfg["forest"]["max_features"],
                n_jobs=-1,
                random_state=seed,
            )),
        ]),
    }


def main():
    with open("experiment.yaml") as f:
        cfg = yaml.safe_load(f)

    raw = pd.read_parquet(cfg["data"]["path"])
    windows, labels, subjects = make_windows(raw, cfg["windows"]["size"], cfg["windows"]["step"])
    X = summarise(windows)
    print(f"{len(X)} windows, {X.shape[1]} features, {len(np.unique(subjects))} subjects")

    cv = StratifiedGroupKFold(n_splits=cfg["cv"]["folds"], shuffle=True, random_state=cfg["seed"])
    scoring = {"macro_f1": "f1_macro", "balanced_acc": "balanced_accuracy", "weighted_f1": "f1_weighted"}

    summary = {}
    for name, est in build_candidates(cfg).items():
        res = cross_validate(est, X, labels, groups=subjects, cv=cv, scoring=scoring, n_jobs=1)
        summary[name] = {k: (float(np.mean(res[f"test_{k}"])), float(np.std(res[f"test_{k}"])))
                         for k in scoring}
        print(name, {k: f"{m:.3f}±{s:.3f}" for k, (m, s) in summary[name].items()})

    with open("cv_summary.json", "w") as f:
        json.dump(summary, f, indent=2)


if __name__ == "__main__":
    main()
