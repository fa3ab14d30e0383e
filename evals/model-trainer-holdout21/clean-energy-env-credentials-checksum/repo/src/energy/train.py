"""python -m energy.train --data data/buildings_v3.csv"""
import argparse
import json
import logging
from pathlib import Path

import joblib
import numpy as np
from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyRegressor
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.linear_model import RidgeCV
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.model_selection import KFold, RandomizedSearchCV, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from .data import FEATURES, TARGET, load_verified
from .tracking import init_run

log = logging.getLogger("energy")
SEED = 4242
CATS = ["orientation", "glazing_distribution", "climate_zone"]
NUMS = [c for c in FEATURES if c not in CATS]


def regression_scores(y, p) -> dict:
    return {"mae": mean_absolute_error(y, p), "rmse": float(np.sqrt(mean_squared_error(y, p))), "r2": r2_score(y, p)}


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/buildings_v3.csv")
    ap.add_argument("--out", default="artifacts")
    args = ap.parse_args()

    df = load_verified(args.data)
    X, y = df[FEATURES], df[TARGET]
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, random_state=SEED)

    prep = ColumnTransformer([("num", StandardScaler(), NUMS),
                              ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), CATS)])
    hgb = Pipeline([("prep", prep), ("model", HistGradientBoostingRegressor(random_state=SEED))])
    space = {
        "model__learning_rate": [0.03, 0.05, 0.1],
        "model__max_leaf_nodes": [15, 31, 63],
        "model__min_samples_leaf": [10, 20, 40],
        "model__l2_regularization": [0.0, 0.5, 1.0],
    }
    search = RandomizedSearchCV(hgb, space, n_iter=25, scoring="neg_mean_absolute_error",
                                cv=KFold(5, shuffle=True, random_state=SEED), random_state=SEED, n_jobs=-1)
    search.fit(X_tr, y_tr)

    run = init_run({"seed": SEED, **search.best_params_})
    ridge = Pipeline([("prep", prep), ("model", RidgeCV(alphas=np.logspace(-3, 3, 13)))]).fit(X_tr, y_tr)
    mean_model = DummyRegressor(strategy="mean").fit(X_tr, y_tr)
    report = {name: regression_scores(y_te, m.predict(X_te))
              for name, m in [("mean", mean_model), ("ridge", ridge), ("hgb", search.best_estimator_)]}
    run.log({f"test/{m}/{k}": v for m, d in report.items() for k, v in d.items()})
    run.finish()

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump(search.best_estimator_, out / "hgb.joblib")
    (out / "report.json").write_text(json.dumps({"cv_mae": -search.best_score_, "test": report}, indent=2))


if __name__ == "__main__":
    main()
