import argparse

import lightgbm as lgb
import numpy as np
import pandas as pd
import wandb
import yaml
from sklearn.metrics import mean_absolute_error

from features import FEATURES, add_lag_features, daily_busy_hour


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    args = ap.parse_args()
    cfg = yaml.safe_load(open(args.config))

    wandb.login(key=cfg["wandb"]["api_key"])
    run = wandb.init(entity=cfg["wandb"]["entity"], project=cfg["wandb"]["project"],
                     name=cfg["run_name"], tags=cfg["wandb"]["tags"], config=cfg["model"])

    hourly = pd.read_parquet(cfg["data"]["hourly_path"])
    hourly["timestamp"] = pd.to_datetime(hourly["timestamp"])
    daily = add_lag_features(daily_busy_hour(hourly))
    daily = daily.dropna(subset=FEATURES[:-1] + ["y_next_bh_prb"])

    test_from = pd.Timestamp(cfg["data"]["test_from"])
    # features on day d predict d+1, so the last train row must have its target before test_from
    train = daily[daily["date"] < test_from - pd.Timedelta(days=1)]
    test = daily[daily["date"] >= test_from]
    print(f"train {len(train):,} cell-days, test {len(test):,} cell-days")

    model = lgb.LGBMRegressor(objective="l1", verbose=-1, **cfg["model"])
    model.fit(train[FEATURES], train["y_next_bh_prb"])

    pred = model.predict(test[FEATURES])
    mae = mean_absolute_error(test["y_next_bh_prb"], pred)
    naive_mae = mean_absolute_error(test["y_next_bh_prb"], test["bh_prb_lag1"])
    over80 = test["y_next_bh_prb"] > 80
    hit = np.mean((pred[over80.to_numpy()] > 80)) if over80.any() else float("nan")
    print(f"test MAE {mae:.2f} pp (naive {naive_mae:.2f}), congestion hit rate {hit:.2%}")

    run.log({"test_mae": mae, "naive_mae": naive_mae, "congestion_hit_rate": hit})
    model.booster_.save_model("bh_prb_lgbm.txt")
    run.save("bh_prb_lgbm.txt")
    run.finish()


if __name__ == "__main__":
    main()
