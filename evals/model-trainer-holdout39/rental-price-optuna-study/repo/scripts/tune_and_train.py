import json
import logging
import sys
from pathlib import Path

import joblib
import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.dummy import DummyRegressor
from sklearn.metrics import mean_absolute_error, mean_squared_error

from rentprice.features import feature_names
from rentprice.tuning import run_study

logging.basicConfig(level=logging.INFO)


def rmse(y, p) -> float:
    return float(np.sqrt(mean_squared_error(y, p)))


def main(cfg_path: str = "configs/search.json") -> None:
    cfg = json.loads(Path(cfg_path).read_text())
    data = Path(cfg["data_dir"])
    train = pd.read_parquet(data / "train.parquet")
    test = pd.read_parquet(data / "test.parquet")
    cols, target = feature_names(cfg), cfg["target"]

    study = run_study(train[cols], train[target], test[cols], test[target], cfg["n_trials"], cfg["seed"])
    logging.info("best trial %d: rmse %.4f", study.best_trial.number, study.best_value)

    best = lgb.LGBMRegressor(**study.best_params, subsample_freq=1, random_state=cfg["seed"], verbose=-1)
    best.fit(train[cols], train[target])
    median = DummyRegressor(strategy="median").fit(train[cols], train[target])

    report = {
        "best_params": study.best_params,
        "test": {
            "lgbm": {"rmse_log": rmse(test[target], best.predict(test[cols])),
                     "mae_price": mean_absolute_error(np.expm1(test[target]), np.expm1(best.predict(test[cols])))},
            "median": {"rmse_log": rmse(test[target], median.predict(test[cols])),
                       "mae_price": mean_absolute_error(np.expm1(test[target]), np.expm1(median.predict(test[cols])))},
        },
    }
    out = Path(cfg["out_dir"])
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump(best, out / "lgbm.joblib")
    (out / "report.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main(*sys.argv[1:])
