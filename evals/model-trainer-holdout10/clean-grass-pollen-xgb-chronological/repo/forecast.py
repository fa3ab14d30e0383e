"""Train on 2010-2020, early-stop on 2021-2022, report 2023 once.   python forecast.py"""
import json

import numpy as np
import pandas as pd
from sklearn.metrics import f1_score, mean_absolute_error, mean_squared_error

from pollen.features import FEATURES, add_features
from pollen.model import climatology, fit_final, select_params
from pollen.settings import Settings


def main(cfg: Settings = Settings()) -> None:
    daily = pd.read_csv(cfg.daily_csv, parse_dates=["date"])
    daily = daily[daily["date"].dt.month.isin(cfg.season_months)]
    df = add_features(daily)

    train = df[df["date"] <= cfg.train_end]
    valid = df[(df["date"] > cfg.train_end) & (df["date"] <= cfg.valid_end)]
    test = df[df["date"] > cfg.valid_end]

    params = select_params(train, FEATURES, cfg.grid, cfg.cv_splits, cfg.seed)
    model = fit_final(train, valid, FEATURES, params, cfg.seed)

    clim = climatology(train)
    key = pd.MultiIndex.from_arrays([test["station"], test["date"].dt.dayofyear])
    preds = {
        "xgb": model.predict(test[FEATURES]),
        "persistence": test["lag0"].to_numpy(),
        "climatology": clim.reindex(key).fillna(train["target"].mean()).to_numpy(),
    }
    y = test["target"].to_numpy()
    high = np.expm1(y) >= cfg.high_pollen_level
    report = {"params": params, "best_iteration": int(model.best_iteration)}
    for name, p in preds.items():
        report[name] = {
            "mae_log": float(mean_absolute_error(y, p)),
            "rmse_log": float(np.sqrt(mean_squared_error(y, p))),
            "f1_high_day": float(f1_score(high, np.expm1(p) >= cfg.high_pollen_level)),
        }
    print(json.dumps(report, indent=2))
    model.save_model("models/pollen_xgb.json")


if __name__ == "__main__":
    main()
