import argparse
import logging

import lightgbm as lgb
import pandas as pd
import yaml

from cavetours.features import add_calendar, add_lags
from cavetours.validate import cross_validate

log = logging.getLogger("cavetours")


def main():
    ap = argparse.ArgumentParser(description="Glacier cave tour demand model")
    ap.add_argument("--config", default="config/forecast.yaml")
    ap.add_argument("--out", default="models/tours.txt")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO)
    cfg = yaml.safe_load(open(args.config))

    dc = cfg["data"]
    df = pd.read_parquet(dc["path"])
    df[dc["date_col"]] = pd.to_datetime(df[dc["date_col"]])
    df = add_calendar(df, dc["date_col"])
    df = add_lags(df, dc["target"], cfg["features"]["lags"], cfg["features"]["rolling"])

    feature_cols = [c for c in df.columns if c not in (dc["target"], dc["date_col"])]
    res = cross_validate(df, feature_cols, dc["target"], cfg["lgb"], cfg["num_boost_round"],
                         cfg["early_stopping_rounds"], cfg["cv"]["n_splits"], cfg["cv"]["seed"])
    log.info("CV MAE %.2f (seasonal naive %.2f), RMSE %.2f", res["mae"], res["naive_mae"], res["rmse"])

    full = lgb.Dataset(df[feature_cols], df[dc["target"]])
    booster = lgb.train(cfg["lgb"], full, num_boost_round=res["best_iter"])
    booster.save_model(args.out)
    log.info("saved %s", args.out)


if __name__ == "__main__":
    main()
