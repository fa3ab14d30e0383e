import json
import sys

import lightgbm as lgb
import numpy as np
import wandb
from sklearn.metrics import mean_absolute_error, mean_squared_error

from data_utils import load_merged, make_features, split_by_time

MET = ["t2m", "rh2m", "u10", "v10", "pblh", "dswrf", "precip"]


def main(cfg_path="config.json"):
    cfg = json.load(open(cfg_path))
    wandb.login(key=cfg["wandb"]["api_key"])
    run = wandb.init(project=cfg["wandb"]["project"], entity=cfg["wandb"]["entity"],
                     name=cfg["run_name"], config=cfg)

    df = make_features(load_merged(cfg), cfg["lags"], cfg["target_horizon"])
    train, val, test = split_by_time(df, cfg["data"]["train_end"], cfg["data"]["val_end"])
    feats = ["site_id", "no2_ewm12", "hour", "dow", "doy"] + [f"no2_lag{l}" for l in cfg["lags"]] + MET

    model = lgb.LGBMRegressor(**cfg["lgbm"], random_state=cfg["seed"], verbose=-1)
    model.fit(
        train[feats], train["y"],
        eval_set=[(val[feats], val["y"])],
        eval_metric="l1",
        callbacks=[lgb.early_stopping(cfg["early_stopping_rounds"]), lgb.log_evaluation(250)],
    )

    pred = model.predict(test[feats], num_iteration=model.best_iteration_)
    metrics = {
        "best_iter": model.best_iteration_,
        "test_mae": mean_absolute_error(test["y"], pred),
        "test_rmse": float(np.sqrt(mean_squared_error(test["y"], pred))),
        "test_mae_persistence": mean_absolute_error(test["y"], test["no2_ppb"]),
    }
    by_site = (test.assign(err=(test["y"] - pred).abs())
               .groupby("site_id", observed=True)["err"].mean().rename("mae"))
    print(json.dumps(metrics, indent=2))
    print(by_site.sort_values().to_string())

    run.log(metrics)
    run.log({"site_mae": wandb.Table(dataframe=by_site.reset_index())})
    model.booster_.save_model(f"{cfg['run_name']}.txt")
    run.finish()


if __name__ == "__main__":
    main(*sys.argv[1:])
