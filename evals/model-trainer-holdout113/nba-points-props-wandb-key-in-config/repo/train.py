import numpy as np
import pandas as pd
import lightgbm as lgb
import wandb
import yaml
from sklearn.metrics import mean_absolute_error, mean_poisson_deviance

from features import FEATURES, add_player_form

cfg = yaml.safe_load(open("config.yaml"))

wandb.login(key=cfg["wandb"]["api_key"])
run = wandb.init(entity=cfg["wandb"]["entity"], project=cfg["wandb"]["project"],
                 name=cfg["run_name"], config=cfg)

df = pd.read_parquet(cfg["data"], columns=None)
df["game_date"] = pd.to_datetime(df["game_date"])
df = add_player_form(df).dropna(subset=FEATURES)

cutoff = pd.Timestamp(cfg["cutoff_date"])
valid_start = cutoff - pd.Timedelta(days=cfg["valid_days"])
train = df[df.game_date < valid_start]
valid = df[(df.game_date >= valid_start) & (df.game_date < cutoff)]
test = df[df.game_date >= cutoff]
print(f"train {len(train):,}  valid {len(valid):,}  test {len(test):,}")

params = dict(cfg["lgbm"])
seed = params.pop("seed")
model = lgb.LGBMRegressor(**params, random_state=seed, verbose=-1)
model.fit(
    train[FEATURES], train[cfg["target"]],
    eval_set=[(valid[FEATURES], valid[cfg["target"]])],
    callbacks=[lgb.early_stopping(100), lgb.log_evaluation(200)],
)

pred = model.predict(test[FEATURES])
y = test[cfg["target"]].to_numpy()
baseline = test["pts_l20"].to_numpy()
metrics = {
    "test_mae": mean_absolute_error(y, pred),
    "test_poisson_dev": mean_poisson_deviance(y, np.clip(pred, 1e-3, None)),
    "baseline_l20_mae": mean_absolute_error(y, baseline),
    "best_iter": model.best_iteration_,
}
print(metrics)
wandb.log(metrics)

imp = pd.DataFrame({"feature": FEATURES, "gain": model.booster_.feature_importance("gain")})
wandb.log({"importance": wandb.Table(dataframe=imp.sort_values("gain", ascending=False))})
run.finish()
