import argparse
import json
import logging
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd
import yaml
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import train_test_split

from demand.features import add_calendar, add_lags, feature_columns

log = logging.getLogger(__name__)


def wape(y_true, y_pred):
    return np.abs(y_true - y_pred).sum() / np.abs(y_true).sum()


def load_frame(cfg):
    sales = pd.read_parquet(cfg["data"]["sales"])
    calendar = pd.read_parquet(cfg["data"]["calendar"])
    sales["date"] = pd.to_datetime(sales["date"])
    calendar["date"] = pd.to_datetime(calendar["date"])
    df = add_calendar(sales, calendar)
    df = add_lags(df, cfg["features"]["lags"], cfg["features"]["rolling_windows"])
    df = df.dropna(subset=[f"lag_{max(cfg['features']['lags'])}"])
    for col in ("store_id", "item_id"):
        df[col] = df[col].astype("category")
    return df


def run(cfg):
    np.random.seed(cfg["seed"])
    df = load_frame(cfg)
    cols = feature_columns(cfg["features"]["lags"], cfg["features"]["rolling_windows"])

    fit_df, test_df = train_test_split(df, test_size=cfg["split"]["test_fraction"], random_state=cfg["seed"])
    train_df, valid_df = train_test_split(fit_df, test_size=cfg["split"]["valid_fraction"], random_state=cfg["seed"])
    log.info("train=%d valid=%d test=%d", len(train_df), len(valid_df), len(test_df))

    params = dict(cfg["model"])
    stop_rounds = params.pop("early_stopping_rounds")
    model = lgb.LGBMRegressor(random_state=cfg["seed"], verbose=-1, **params)
    model.fit(
        train_df[cols], train_df["units"],
        eval_set=[(valid_df[cols], valid_df["units"])],
        eval_metric="l1",
        callbacks=[lgb.early_stopping(stop_rounds), lgb.log_evaluation(200)],
    )

    pred = np.clip(model.predict(test_df[cols]), 0, None)
    naive = test_df["lag_7"].to_numpy()
    y = test_df["units"].to_numpy()
    metrics = {
        "model": {
            "mae": mean_absolute_error(y, pred),
            "rmse": mean_squared_error(y, pred) ** 0.5,
            "wape": wape(y, pred),
        },
        "seasonal_naive_lag7": {
            "mae": mean_absolute_error(y, naive),
            "rmse": mean_squared_error(y, naive) ** 0.5,
            "wape": wape(y, naive),
        },
    }
    out = Path(cfg["output_dir"])
    out.mkdir(parents=True, exist_ok=True)
    model.booster_.save_model(str(out / "model.txt"))
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2))
    log.info("metrics: %s", metrics)
    return metrics


def main():
    logging.basicConfig(level=logging.INFO)
    parser = argparse.ArgumentParser(description="Train the store demand model")
    parser.add_argument("--config", default="configs/default.yaml")
    args = parser.parse_args()
    with open(args.config) as fh:
        cfg = yaml.safe_load(fh)
    run(cfg)


if __name__ == "__main__":
    main()
