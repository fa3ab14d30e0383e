"""Predict final exam scores; generalisation is measured on schools never seen in training.

    python cli/train_scores.py --students data/students.csv
"""
import argparse
import json
import logging
from pathlib import Path

import joblib
import pandas as pd
from lightgbm import LGBMRegressor
from sklearn.dummy import DummyRegressor
from sklearn.linear_model import Ridge
from sklearn.model_selection import GridSearchCV, GroupKFold, GroupShuffleSplit
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from edu.evaluate import summarise
from edu.transforms import FEATURES, row_features

SEED = 1212
logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
log = logging.getLogger("scores")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--students", default="data/students.csv")
    ap.add_argument("--out", default="artifacts")
    args = ap.parse_args()

    df = row_features(pd.read_csv(args.students))
    X, y, schools = df[FEATURES], df["final_score"], df["school_id"]

    outer = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=SEED)
    tr_idx, te_idx = next(outer.split(X, y, groups=schools))
    X_tr, X_te, y_tr, y_te = X.iloc[tr_idx], X.iloc[te_idx], y.iloc[tr_idx], y.iloc[te_idx]
    g_tr = schools.iloc[tr_idx]

    grid = {"num_leaves": [15, 31], "learning_rate": [0.03, 0.06], "min_child_samples": [20, 50]}
    search = GridSearchCV(
        LGBMRegressor(n_estimators=600, subsample=0.8, subsample_freq=1, colsample_bytree=0.8,
                      random_state=SEED, verbose=-1),
        grid, cv=GroupKFold(n_splits=5), scoring="neg_mean_absolute_error", n_jobs=-1,
    )
    search.fit(X_tr, y_tr, groups=g_tr)
    log.info("best %s, grouped-CV MAE %.3f", search.best_params_, -search.best_score_)

    ridge = make_pipeline(StandardScaler(), Ridge(alpha=3.0)).fit(X_tr, y_tr)
    mean_pred = DummyRegressor(strategy="mean").fit(X_tr, y_tr)
    report = {name: summarise(y_te, m.predict(X_te))
              for name, m in [("mean", mean_pred), ("ridge", ridge), ("lgbm", search.best_estimator_)]}
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump(search.best_estimator_, out / "scores_lgbm.joblib")
    (out / "unseen_school_report.json").write_text(json.dumps(report, indent=2))
    log.info("held-out schools: %s", report)


if __name__ == "__main__":
    main()
