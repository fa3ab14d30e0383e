"""Chanterelle foraging yield per outing (kg) for the co-op's plot rota.

Outings on the same forest plot are correlated, so every split is grouped by plot: an outer
GroupShuffleSplit for the final hold-out and GroupKFold inside the grid search.
"""
import logging
import os

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyRegressor
from sklearn.ensemble import RandomForestRegressor
from sklearn.impute import SimpleImputer
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.model_selection import GridSearchCV, GroupKFold, GroupShuffleSplit
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder

logging.basicConfig(level=logging.INFO, format="%(message)s")
log = logging.getLogger("forage")

DATA_DIR = os.environ.get("FORAGE_DATA", "data")
SEED = 314

NUMERIC = ["rain_mm_prev14d", "rain_mm_prev30d", "soil_temp_c", "air_temp_max_c", "days_since_last_visit",
           "canopy_pct", "moss_cover_pct", "slope_deg", "searchers", "search_minutes"]
CATEGORICAL = ["forest_type", "soil_type", "month"]


def main():
    outings = pd.read_csv(os.path.join(DATA_DIR, "outings.csv"))
    outings["month"] = pd.to_datetime(outings["date"]).dt.month.astype(str)

    # descriptive table for the co-op newsletter (not a model input)
    log.info("mean kg per outing by forest type:\n%s", outings.groupby("forest_type")["kg"].mean().round(2))

    X, y, plots = outings[NUMERIC + CATEGORICAL], outings["kg"], outings["plot_id"]
    outer = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=SEED)
    dev_i, test_i = next(outer.split(X, y, plots))
    X_dev, y_dev, g_dev = X.iloc[dev_i], y.iloc[dev_i], plots.iloc[dev_i]
    X_test, y_test = X.iloc[test_i], y.iloc[test_i]
    log.info("dev plots %d, test plots %d", g_dev.nunique(), plots.iloc[test_i].nunique())

    pre = ColumnTransformer([
        ("num", SimpleImputer(strategy="median"), NUMERIC),
        ("cat", Pipeline([("imp", SimpleImputer(strategy="most_frequent")),
                          ("oh", OneHotEncoder(handle_unknown="ignore"))]), CATEGORICAL),
    ])
    pipe = Pipeline([("pre", pre), ("rf", RandomForestRegressor(n_estimators=600, random_state=SEED, n_jobs=-1))])
    grid = {"rf__max_depth": [None, 12, 20], "rf__min_samples_leaf": [1, 3, 8], "rf__max_features": [0.4, 0.7, 1.0]}
    search = GridSearchCV(pipe, grid, cv=GroupKFold(n_splits=5), scoring="neg_mean_absolute_error", n_jobs=1)
    search.fit(X_dev, y_dev, groups=g_dev)
    log.info("best params %s, CV MAE %.3f", search.best_params_, -search.best_score_)

    baseline = DummyRegressor(strategy="median").fit(X_dev, y_dev)
    for name, est in [("median baseline", baseline), ("random forest", search.best_estimator_)]:
        p = est.predict(X_test)
        log.info("%-16s MAE %.3f  RMSE %.3f  R2 %.3f", name, mean_absolute_error(y_test, p),
                 np.sqrt(mean_squared_error(y_test, p)), r2_score(y_test, p))


if __name__ == "__main__":
    main()
