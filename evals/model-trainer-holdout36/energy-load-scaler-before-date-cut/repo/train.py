import argparse
import json
import logging

import numpy as np
import pandas as pd
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_error, mean_absolute_percentage_error, mean_squared_error
from sklearn.model_selection import GridSearchCV, TimeSeriesSplit
from sklearn.preprocessing import StandardScaler

from src.load_forecast.features import WEATHER, build

log = logging.getLogger(__name__)
TEST_START = pd.Timestamp("2023-07-01")
FEATURES = [
    "hour_sin", "hour_cos", "dow", "is_weekend", "doy_sin", "doy_cos",
    "load_lag_24", "load_lag_48", "load_lag_168", "load_lag_24_mean_7d",
    "hdd", "cdd", *WEATHER,
]


def evaluate(y, yhat):
    return {
        "mae": mean_absolute_error(y, yhat),
        "rmse": mean_squared_error(y, yhat) ** 0.5,
        "mape": mean_absolute_percentage_error(y, yhat),
    }


def main(path):
    frame = pd.read_parquet(path).set_index("timestamp").sort_index()
    frame = build(frame)

    scaler = StandardScaler()
    X_all = scaler.fit_transform(frame[FEATURES])
    y_all = frame["load_mw"].to_numpy()

    before = frame.index < TEST_START
    X_fit, y_fit = X_all[before], y_all[before]
    X_eval, y_eval = X_all[~before], y_all[~before]
    log.info("fit hours=%d, eval hours=%d", before.sum(), (~before).sum())

    search = GridSearchCV(
        Ridge(),
        {"alpha": np.logspace(-3, 3, 13)},
        cv=TimeSeriesSplit(n_splits=5, gap=24),
        scoring="neg_mean_absolute_error",
    )
    search.fit(X_fit, y_fit)
    log.info("best alpha %.4f", search.best_params_["alpha"])

    results = {
        "ridge": evaluate(y_eval, search.predict(X_eval)),
        "same_hour_last_week": evaluate(y_eval, frame.loc[~before, "load_lag_168"].to_numpy()),
    }
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/load_weather_hourly.parquet")
    main(ap.parse_args().data)
