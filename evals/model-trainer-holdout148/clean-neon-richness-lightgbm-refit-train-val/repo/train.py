import itertools
import os

import lightgbm as lgb
import numpy as np
import wandb
import yaml
from sklearn.metrics import mean_absolute_error, r2_score

from data import FEATURES, load_plots, site_split

cfg = yaml.safe_load(open("config.yaml"))
np.random.seed(cfg["seed"])
dcfg = cfg["data"]
T = dcfg["target"]

if os.environ.get("WANDB_API_KEY"):
    wandb.login(key=os.environ["WANDB_API_KEY"])
run = wandb.init(project=cfg["wandb"]["project"], entity=cfg["wandb"]["entity"], config=cfg,
                 mode="online" if os.environ.get("WANDB_API_KEY") else "offline")

plots = load_plots(dcfg["plots"], T)
dev, test = site_split(plots, dcfg["group"], dcfg["test_frac"], cfg["seed"])
train, val = site_split(dev, dcfg["group"], dcfg["val_frac"], cfg["seed"] + 1)
print(f"sites: train {train[dcfg['group']].nunique()}  val {val[dcfg['group']].nunique()}  "
      f"test {test[dcfg['group']].nunique()}")


def make(params):
    return lgb.LGBMRegressor(**cfg["fixed"], **params, random_state=cfg["seed"], verbose=-1)


grid = [dict(zip(cfg["search"], v)) for v in itertools.product(*cfg["search"].values())]
results = []
for params in grid:
    m = make(params).fit(train[FEATURES], train[T])
    mae = mean_absolute_error(val[T], m.predict(val[FEATURES]))
    results.append((mae, params))
    wandb.log({"val_mae": mae, **params})
best_mae, best_params = min(results, key=lambda r: r[0])
print(f"best val MAE {best_mae:.2f} with {best_params}")

# refit chosen params on all dev sites (train + val)
final = make(best_params).fit(dev[FEATURES], dev[T])
pred = final.predict(test[FEATURES])
test_mae, test_r2 = mean_absolute_error(test[T], pred), r2_score(test[T], pred)
print(f"test MAE {test_mae:.2f} species/plot   R2 {test_r2:.3f}")
run.summary.update({"test_mae": test_mae, "test_r2": test_r2, **{f"best_{k}": v for k, v in best_params.items()}})
final.booster_.save_model("richness_lgbm.txt")
run.finish()
