"""Usage: python train.py --config configs/lgbm.yaml"""
import argparse
import json
import logging

import lightgbm as lgb
import pandas as pd
import yaml

from sweepcast.cv import cross_validate
from sweepcast.features import add_calendar, add_lags

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
log = logging.getLogger("sweepcast")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/lgbm.yaml")
    ap.add_argument("--out", default="artifacts/booster.txt")
    args = ap.parse_args()
    cfg = yaml.safe_load(open(args.config))

    dc = cfg["data"]
    df = pd.read_csv(dc["bookings_csv"], parse_dates=[dc["date_col"]])
    df = add_calendar(df, dc["date_col"])
    df = add_lags(df, dc["target"], cfg["features"]["lags"], cfg["features"]["rolling_windows"])
    feats = [c for c in df.columns if c not in (dc["date_col"], dc["target"])]

    scores, n_rounds = cross_validate(df, feats, dc["target"], cfg["model"], cfg["cv"])
    summary = pd.DataFrame(scores)
    log.info("CV summary\n%s", summary.describe().loc[["mean", "std"]].to_string())

    params = {k: v for k, v in cfg["model"].items() if k not in ("num_boost_round", "early_stopping_rounds")}
    params["seed"] = cfg["cv"]["seed"]
    booster = lgb.train(params, lgb.Dataset(df[feats], df[dc["target"]]), num_boost_round=n_rounds)
    booster.save_model(args.out)
    json.dump(summary.to_dict(orient="list"), open("artifacts/cv_scores.json", "w"), indent=2)


if __name__ == "__main__":
    main()
