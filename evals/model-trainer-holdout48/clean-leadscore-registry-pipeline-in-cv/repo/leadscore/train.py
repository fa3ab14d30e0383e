"""python -m leadscore.train configs/leadscore.yaml"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
import yaml
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold, cross_validate, train_test_split

from leadscore.registry import build_pipeline

SCORING = {"roc_auc": "roc_auc", "avg_precision": "average_precision", "neg_brier": "neg_brier_score"}


def holdout_scores(model, X, y) -> dict[str, float]:
    p = model.predict_proba(X)[:, 1]
    return {"roc_auc": roc_auc_score(y, p), "avg_precision": average_precision_score(y, p),
            "brier": brier_score_loss(y, p)}


def main(cfg_path: str) -> None:
    cfg = yaml.safe_load(Path(cfg_path).read_text())
    seed = cfg["seed"]
    np.random.seed(seed)

    df = pd.read_csv(cfg["data"]["path"])
    cols = [c for group in cfg["columns"].values() for c in group]
    X, y = df[cols], df[cfg["data"]["target"]].astype(int)
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=cfg["data"]["test_size"], stratify=y, random_state=seed)

    cv = StratifiedKFold(n_splits=cfg["cv_folds"], shuffle=True, random_state=seed)
    cv_report = {}
    for name in ("prior", "logreg", cfg["model"]["name"]):
        res = cross_validate(build_pipeline(cfg, name), X_train, y_train, cv=cv, scoring=SCORING, n_jobs=-1)
        cv_report[name] = {k: float(np.mean(res[f"test_{k}"])) for k in SCORING}
        print(name, cv_report[name])

    search = GridSearchCV(build_pipeline(cfg), cfg["model"]["grid"], cv=cv, scoring="average_precision",
                          n_jobs=-1, refit=True)
    search.fit(X_train, y_train)
    print("best params", search.best_params_, "cv AP", round(search.best_score_, 4))

    baseline = build_pipeline(cfg, "logreg").fit(X_train, y_train)
    report = {
        "cv": cv_report,
        "best_params": search.best_params_,
        "test": holdout_scores(search.best_estimator_, X_test, y_test),
        "test_logreg": holdout_scores(baseline, X_test, y_test),
    }
    out = Path("artifacts") / "leadscore"
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump(search.best_estimator_, out / "pipeline.joblib")
    (out / "report.json").write_text(json.dumps(report, indent=2, default=float))
    print(json.dumps(report["test"], indent=2))


if __name__ == "__main__":
    main(sys.argv[1])
