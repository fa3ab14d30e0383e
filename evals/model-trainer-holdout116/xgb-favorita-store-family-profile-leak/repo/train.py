import argparse
import json

import numpy as np
import pandas as pd
import yaml
import xgboost as xgb
from sklearn.metrics import mean_squared_log_error

from features import build_features

FEATURES = [
    "store_nbr", "family", "onpromotion", "log_promo", "dow", "dom", "month", "payday",
    "is_national_holiday", "dcoilwtico", "sf_mean", "sf_std", "sf_zero_share",
    "lag_16", "lag_21", "lag_28", "lag_364", "roll_28_mean",
]


def main(cfg_path):
    with open(cfg_path) as f:
        cfg = yaml.safe_load(f)
    np.random.seed(cfg["seed"])

    sales = pd.read_csv(cfg["data"]["train_path"], parse_dates=["date"])
    oil = pd.read_csv(cfg["data"]["oil_path"], parse_dates=["date"])
    hol = pd.read_csv(cfg["data"]["holidays_path"], parse_dates=["date"])
    sales = sales[sales["date"] >= "2015-01-01"]

    df = build_features(sales, oil, hol)
    df = df.dropna(subset=["lag_364", "roll_28_mean"])

    test_start = pd.Timestamp(cfg["split"]["test_start"])
    train = df[df["date"] < test_start]
    test = df[df["date"] >= test_start]

    model = xgb.XGBRegressor(
        **cfg["model"], random_state=cfg["seed"], tree_method="hist", n_jobs=-1
    )
    model.fit(train[FEATURES], train["sales"])

    pred = np.clip(model.predict(test[FEATURES]), 0, None)
    rmsle = np.sqrt(mean_squared_log_error(test["sales"], pred))
    print(f"test RMSLE (16 days from {test_start.date()}): {rmsle:.4f}")

    with open("metrics.json", "w") as f:
        json.dump({"rmsle": float(rmsle), "n_test": int(len(test))}, f)
    model.save_model("xgb_store_family.json")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    main(ap.parse_args().config)
