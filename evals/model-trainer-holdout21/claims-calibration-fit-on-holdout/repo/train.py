"""Fit the claim-propensity model.  python train.py data/policies.csv"""
import logging
import sys
from pathlib import Path

import joblib
import pandas as pd
from sklearn.model_selection import GridSearchCV, StratifiedKFold, train_test_split

from claims.pipeline import PARAM_GRID, gbm_pipeline, glm_pipeline
from claims.schema import CATEGORICAL, NUMERIC, SEED, TARGET

logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
log = logging.getLogger("train")
OUT = Path("artifacts")


def main(csv_path: str) -> None:
    df = pd.read_csv(csv_path)
    X, y = df[NUMERIC + CATEGORICAL], df[TARGET]
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=SEED)

    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
    search = GridSearchCV(gbm_pipeline(), PARAM_GRID, scoring="neg_log_loss", cv=cv, n_jobs=-1)
    search.fit(X_train, y_train)
    log.info("best params %s cv log-loss %.4f", search.best_params_, -search.best_score_)

    glm = glm_pipeline().fit(X_train, y_train)

    OUT.mkdir(exist_ok=True)
    joblib.dump({"gbm": search.best_estimator_, "glm": glm}, OUT / "models.joblib")
    joblib.dump((X_test, y_test), OUT / "test_split.joblib")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "data/policies.csv")
