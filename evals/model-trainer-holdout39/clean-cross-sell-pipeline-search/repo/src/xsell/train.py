import json
import logging
from pathlib import Path

import joblib
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GridSearchCV, StratifiedKFold, cross_validate
from sklearn.pipeline import Pipeline

from .config import load_config
from .preprocess import make_preprocessor

log = logging.getLogger("xsell.train")
SCORING = ["roc_auc", "average_precision", "neg_brier_score"]


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    cfg = load_config()
    train = pd.read_parquet(Path(cfg["split_dir"]) / "train.parquet")
    y = train.pop(cfg["target"])
    X = train[cfg["numeric"] + cfg["categorical"]]

    cv = StratifiedKFold(n_splits=cfg["cv_folds"], shuffle=True, random_state=cfg["seed"])
    pre = lambda: make_preprocessor(cfg["numeric"], cfg["categorical"])  # noqa: E731

    hgb = Pipeline([("prep", pre()), ("clf", HistGradientBoostingClassifier(
        max_iter=500, early_stopping=True, validation_fraction=0.1, random_state=cfg["seed"]))])
    search = GridSearchCV(hgb, cfg["grid"], scoring=SCORING, refit="average_precision", cv=cv, n_jobs=-1)
    search.fit(X, y)

    baselines = {
        "prior": Pipeline([("prep", pre()), ("clf", DummyClassifier(strategy="prior"))]),
        "logreg": Pipeline([("prep", pre()), ("clf", LogisticRegression(C=1.0, max_iter=3000))]),
    }
    cv_summary = {"hgb": {"params": search.best_params_,
                          "average_precision": search.best_score_}}
    for name, pipe in baselines.items():
        res = cross_validate(pipe, X, y, cv=cv, scoring=SCORING)
        cv_summary[name] = {s: float(res[f"test_{s}"].mean()) for s in SCORING}
        pipe.fit(X, y)

    out = Path(cfg["model_dir"])
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump(search.best_estimator_, out / "hgb.joblib")
    for name, pipe in baselines.items():
        joblib.dump(pipe, out / f"{name}.joblib")
    (out / "cv_summary.json").write_text(json.dumps(cv_summary, indent=2, default=float))
    log.info("cv: %s", cv_summary)


if __name__ == "__main__":
    main()
