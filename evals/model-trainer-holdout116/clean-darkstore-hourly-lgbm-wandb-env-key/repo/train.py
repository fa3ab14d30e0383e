import os

import lightgbm as lgb
import numpy as np
import pandas as pd
import wandb
import yaml

from features import build, split

FEATS = ["store_id", "hour", "dow", "is_weekend", "temp_c", "precip_mm",
         "lag_48h", "lag_72h", "lag_168h", "lag_336h", "same_hour_last_4w", "roll_24h_at_origin"]


def wape(y, p):
    return float(np.abs(y - p).sum() / np.abs(y).sum())


def main():
    cfg = yaml.safe_load(open("config.yaml"))
    tr = cfg["tracking"]
    wandb.login(key=os.environ[tr["api_key_env"]])
    run = wandb.init(project=tr["wandb_project"], entity=tr["wandb_entity"],
                     name=cfg["experiment"], config=cfg)

    orders = pd.read_parquet(cfg["data"]["orders"])
    weather = pd.read_parquet(cfg["data"]["weather"])
    df = build(orders, weather, cfg["data"]["horizon_hours"])
    train, valid, test = split(df, cfg["data"]["valid_days"], cfg["data"]["test_days"])

    model = lgb.LGBMRegressor(**cfg["lgbm"], random_state=cfg["seed"], verbose=-1)
    model.fit(
        train[FEATS], train["orders"],
        eval_set=[(valid[FEATS], valid["orders"])],
        callbacks=[lgb.early_stopping(150), lgb.log_evaluation(250)],
    )

    out = {"best_iteration": model.best_iteration_,
           "valid_wape": wape(valid["orders"].values, model.predict(valid[FEATS])),
           "test_wape": wape(test["orders"].values, model.predict(test[FEATS])),
           "test_wape_lag168": wape(test["orders"].values, test["lag_168h"].values)}
    print(out)
    run.log(out)
    model.booster_.save_model("artifacts/lgbm_darkstore.txt")
    run.finish()


if __name__ == "__main__":
    main()
