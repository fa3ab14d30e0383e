import argparse
import json
import logging

import numpy as np
import pandas as pd
import xgboost as xgb
import yaml

from demand.features import add_calendar, add_lags
from demand.metrics import report
from demand.splits import holdout_split

log = logging.getLogger("demand")
FEATURES_BASE = ["store_id", "dow", "week", "month", "is_month_end", "promo", "holiday"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="config.yaml")
    args = parser.parse_args()
    cfg = yaml.safe_load(open(args.config))
    logging.basicConfig(level=logging.INFO)
    np.random.seed(cfg["seed"])

    df = pd.read_parquet(cfg["data_path"])
    df["date"] = pd.to_datetime(df["date"])
    df = add_calendar(df)
    df = add_lags(df, cfg["lags"], cfg["windows"])
    df = df.dropna(subset=[f"lag_{max(cfg['lags'])}"]).sort_values("date")
    features = FEATURES_BASE + [c for c in df.columns if c.startswith(("lag_", "roll_mean_"))]

    train_df, test_df = holdout_split(df, cfg["test_frac"], cfg["seed"])
    fit_df, valid_df = holdout_split(train_df, cfg["valid_frac"], cfg["seed"])
    log.info("fit %d valid %d test %d rows", len(fit_df), len(valid_df), len(test_df))

    params = dict(cfg["xgb"])
    model = xgb.XGBRegressor(objective="reg:squarederror", random_state=cfg["seed"], tree_method="hist", **params)
    model.fit(fit_df[features], fit_df["log_units"],
              eval_set=[(valid_df[features], valid_df["log_units"])], verbose=250)

    pred = np.expm1(model.predict(test_df[features])).clip(min=0)
    results = {
        "xgboost": report(test_df["units"], pred),
        "seasonal_naive_lag7": report(test_df["units"], test_df["lag_7"]),
        "best_iteration": int(model.best_iteration),
    }
    log.info(json.dumps(results, indent=2))
    model.save_model("demand_xgb.json")


if __name__ == "__main__":
    main()
