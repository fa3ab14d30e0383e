import json
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
import yaml
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import TimeSeriesSplit, cross_validate

from heatwatch.data import load_daily, make_supervised
from heatwatch.models import build_models

TARGET = "target_tmin_next"


def scores(y, p):
    return {"mae": mean_absolute_error(y, p), "rmse": mean_squared_error(y, p) ** 0.5,
            "bias": float(np.mean(np.asarray(p) - np.asarray(y)))}


def main():
    cfg = yaml.safe_load(open("experiment.yaml"))
    table = make_supervised(load_daily(cfg["station_csv"]), cfg["season_months"])
    features = [c for c in table.columns if c != TARGET]

    dev = table[table.index < cfg["test_start"]]
    test = table[table.index >= cfg["test_start"]]

    tscv = TimeSeriesSplit(n_splits=cfg["cv_splits"])
    cv_summary = {}
    for name, model in build_models(cfg["seed"]).items():
        res = cross_validate(model, dev[features], dev[TARGET], cv=tscv,
                             scoring=("neg_mean_absolute_error", "neg_root_mean_squared_error"))
        cv_summary[name] = {"mae": -res["test_neg_mean_absolute_error"].mean(),
                            "rmse": -res["test_neg_root_mean_squared_error"].mean()}
    chosen = min(cv_summary, key=lambda n: cv_summary[n]["rmse"])
    print(pd.DataFrame(cv_summary).T.round(3), "\nchosen:", chosen)

    model = build_models(cfg["seed"])[chosen].fit(dev[features], dev[TARGET])
    y = test[TARGET]
    doy_clim = dev.groupby(dev.index.dayofyear)[TARGET].mean().rolling(15, center=True, min_periods=1).mean()
    report = {
        chosen: scores(y, model.predict(test[features])),
        "persistence_tmin_today": scores(y, test["tmin"]),
        "doy_climatology": scores(y, doy_clim.reindex(test.index.dayofyear).to_numpy()),
    }
    print(json.dumps({"cv": cv_summary, "test": report}, indent=2))
    Path("models").mkdir(exist_ok=True)
    joblib.dump(model, f"models/tmin_next_{chosen}.joblib")


if __name__ == "__main__":
    main()
