import argparse

import lightgbm as lgb
import numpy as np
import pandas as pd
import wandb
import yaml
from sklearn.metrics import mean_absolute_error

from features import FEATURES, add_features, hourly_station_departures


def main(cfg_path):
    with open(cfg_path) as f:
        cfg = yaml.safe_load(f)
    seed = cfg["experiment"]["seed"]
    np.random.seed(seed)

    wandb.login(key=cfg["wandb"]["api_key"])
    run = wandb.init(project=cfg["wandb"]["project"], entity=cfg["wandb"]["entity"],
                     name=cfg["experiment"]["name"], config=cfg)

    dc = cfg["data"]
    trips = pd.read_parquet(dc["trips_path"], columns=["started_at", "start_station_id"])
    weather = pd.read_csv(dc["weather_path"], parse_dates=["hour"])
    df = add_features(hourly_station_departures(trips, dc["min_station_trips"]), weather)

    train = df[df["hour"] < dc["valid_start"]]
    valid = df[(df["hour"] >= dc["valid_start"]) & (df["hour"] < dc["test_start"])]
    test = df[df["hour"] >= dc["test_start"]]

    mc = dict(cfg["model"])
    stop = mc.pop("early_stopping_rounds")
    model = lgb.LGBMRegressor(**mc, random_state=seed, verbose=-1)
    model.fit(
        train[FEATURES], train["departures"],
        eval_set=[(valid[FEATURES], valid["departures"])],
        callbacks=[lgb.early_stopping(stop), lgb.log_evaluation(200)],
    )

    pred = np.clip(model.predict(test[FEATURES], num_iteration=model.best_iteration_), 0, None)
    mae = mean_absolute_error(test["departures"], pred)
    naive = mean_absolute_error(test["departures"], test["lag_168"])
    print(f"test MAE {mae:.3f}  (weekly-naive {naive:.3f})")
    run.log({"test_mae": mae, "naive_mae": naive, "best_iteration": model.best_iteration_})

    model.booster_.save_model("station_demand_lgbm.txt")
    if cfg["wandb"]["log_model"]:
        art = wandb.Artifact("station-demand-lgbm", type="model")
        art.add_file("station_demand_lgbm.txt")
        run.log_artifact(art)
    run.finish()


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/station_demand.yaml")
    main(ap.parse_args().config)
