"""Predict annual energy use (kWh/m2) of office buildings from the audit survey."""
import json
import sys

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder

TARGET = "site_eui_kwh_m2"
NUMERIC = ["floor_area_m2", "year_built", "floors", "occupancy_hours", "glazing_ratio", "hdd", "cdd"]
CATEGORICAL = ["climate_zone", "hvac_type", "ownership"]


def split(buildings: pd.DataFrame):
    train_set = buildings.sample(frac=0.8)
    test_set = buildings.drop(train_set.index)
    return train_set, test_set


def main(path: str) -> None:
    buildings = pd.read_csv(path)
    train_set, test_set = split(buildings)

    model = Pipeline([
        ("encode", ColumnTransformer(
            [("cat", OneHotEncoder(handle_unknown="ignore"), CATEGORICAL)], remainder="passthrough"
        )),
        ("gbr", GradientBoostingRegressor(
            n_estimators=800, learning_rate=0.03, max_depth=3, subsample=0.8,
            n_iter_no_change=30, validation_fraction=0.15, random_state=0,
        )),
    ])
    cols = NUMERIC + CATEGORICAL
    model.fit(train_set[cols], train_set[TARGET])

    pred = model.predict(test_set[cols])
    median_guess = np.full(len(test_set), train_set[TARGET].median())
    report = {
        "mae": mean_absolute_error(test_set[TARGET], pred),
        "rmse": float(np.sqrt(mean_squared_error(test_set[TARGET], pred))),
        "r2": r2_score(test_set[TARGET], pred),
        "median_baseline_mae": mean_absolute_error(test_set[TARGET], median_guess),
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "data/office_audits.csv")
