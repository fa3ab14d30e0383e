import os

import numpy as np
import pandas as pd
import wandb
import yaml
from catboost import CatBoostRegressor, Pool
from dotenv import load_dotenv
from sklearn.metrics import mean_absolute_error, mean_squared_error

from features import build_frame, sha256sum

load_dotenv()
cfg = yaml.safe_load(open("config.yaml"))

if sha256sum(cfg["data"]["path"]) != cfg["data"]["sha256"]:
    raise RuntimeError("data extract changed, re-freeze before training")

wandb.login(key=os.environ[cfg["wandb"]["api_key_env"]])
run = wandb.init(project=cfg["wandb"]["project"], entity=cfg["wandb"]["entity"],
                 name=cfg["experiment"], config=cfg)

raw = pd.read_parquet(cfg["data"]["path"])
raw["time"] = pd.to_datetime(raw["time"], utc=True)
df = build_frame(raw, cfg["lags"], cfg["horizon"])

val_start = pd.Timestamp(cfg["data"]["val_start"], tz="UTC")
test_start = pd.Timestamp(cfg["data"]["test_start"], tz="UTC")
train = df[df["time"] < val_start]
val = df[(df["time"] >= val_start) & (df["time"] < test_start)]
test = df[df["time"] >= test_start]

CAT = ["station", "station_type"]
NUM = ["no2"] + [f"no2_lag{k}" for k in cfg["lags"]] + [
    "no2_diff24", "hour", "weekday", "month", "temp", "rh", "wind_u", "wind_v", "blh"]
feats = CAT + NUM

model = CatBoostRegressor(**cfg["catboost"], random_seed=cfg["seed"], verbose=250)
model.fit(
    Pool(train[feats], train["target"], cat_features=CAT),
    eval_set=Pool(val[feats], val["target"], cat_features=CAT),
    use_best_model=True,
)

pred = model.predict(Pool(test[feats], cat_features=CAT))
metrics = {
    "best_iteration": model.get_best_iteration(),
    "test_mae": mean_absolute_error(test["target"], pred),
    "test_rmse": float(np.sqrt(mean_squared_error(test["target"], pred))),
    "persistence_mae": mean_absolute_error(test["target"], test["no2"]),
}
print(metrics)
run.log(metrics)
model.save_model(f"{cfg['experiment']}.cbm")
run.finish()
