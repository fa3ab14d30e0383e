import json
import logging

import lightgbm as lgb
import numpy as np
import pandas as pd
import yaml
from sklearn.metrics import mean_absolute_error, mean_squared_error

from src.retail.features import add_calendar, add_past_target_features, apply_weekday_profile, fit_weekday_profile

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("retail")


def wape(y, p):
    return float(np.abs(y - p).sum() / np.abs(y).sum())


def evaluate(y, p):
    return {"mae": mean_absolute_error(y, p), "rmse": float(np.sqrt(mean_squared_error(y, p))), "wape": wape(y, p)}


def main(cfg_path="config.yaml"):
    cfg = yaml.safe_load(open(cfg_path))
    np.random.seed(cfg["seed"])
    sales = pd.read_parquet(cfg["data_path"])
    sales = add_past_target_features(add_calendar(sales)).dropna(subset=["lag_28"])

    valid_start, test_start = pd.Timestamp(cfg["valid_start"]), pd.Timestamp(cfg["test_start"])
    train = sales[sales.date < valid_start]
    valid = sales[(sales.date >= valid_start) & (sales.date < test_start)]
    test = sales[sales.date >= test_start]

    profile = fit_weekday_profile(train)
    train, valid, test = (apply_weekday_profile(part, profile) for part in (train, valid, test))

    features = [c for c in train.columns if c not in ("date", "units")]
    params = {**cfg["lgb"], "seed": cfg["seed"]}
    dtrain = lgb.Dataset(train[features], train["units"], categorical_feature=["store", "item"])
    dvalid = lgb.Dataset(valid[features], valid["units"], reference=dtrain)
    model = lgb.train(params, dtrain, num_boost_round=4000, valid_sets=[dvalid],
                      callbacks=[lgb.early_stopping(150), lgb.log_evaluation(250)])
    model.save_model("models/lgb_daily.txt")

    y_test = test["units"].to_numpy()
    report = {
        "best_iteration": model.best_iteration,
        "lightgbm": evaluate(y_test, model.predict(test[features], num_iteration=model.best_iteration)),
        "naive_lag7": evaluate(y_test, test["lag_7"].to_numpy()),
        "naive_roll28": evaluate(y_test, test["roll28"].to_numpy()),
    }
    log.info(json.dumps(report, indent=2, default=float))


if __name__ == "__main__":
    main()
