"""python train_landing.py --config configs/landing.json [--wandb]"""
import argparse
import json
import os

import numpy as np
import xgboost as xgb
from sklearn.metrics import mean_absolute_error, root_mean_squared_error

from balloon.io import FEATURES, load_verified
from balloon.split import three_way


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/landing.json")
    ap.add_argument("--wandb", action="store_true")
    ap.add_argument("--out", default="models/landing.ubj")
    args = ap.parse_args()
    cfg = json.load(open(args.config))
    dcfg, scfg = cfg["data"], cfg["split"]

    run = None
    if args.wandb:
        import wandb
        wandb.login(key=os.environ["WANDB_API_KEY"])
        run = wandb.init(project="balloon-landing", config=cfg)

    df = load_verified(dcfg["path"], dcfg["sha1"])
    train, val, test = three_way(df, dcfg["group"], scfg["test_size"], scfg["val_size"], scfg["seed"])
    tgt = dcfg["target"]

    dtrain = xgb.DMatrix(train[FEATURES], label=train[tgt])
    dval = xgb.DMatrix(val[FEATURES], label=val[tgt])
    params = dict(cfg["xgb"], seed=scfg["seed"])
    booster = xgb.train(params, dtrain, num_boost_round=cfg["num_boost_round"],
                        evals=[(dtrain, "train"), (dval, "val")],
                        early_stopping_rounds=cfg["early_stopping_rounds"], verbose_eval=200)
    booster.save_model(args.out)

    # one final look at the untouched test flights
    pred = booster.predict(xgb.DMatrix(test[FEATURES]), iteration_range=(0, booster.best_iteration + 1))
    naive = np.full(len(test), train[tgt].median())
    res = {
        "best_iteration": booster.best_iteration,
        "test_mae_km": mean_absolute_error(test[tgt], pred),
        "test_rmse_km": root_mean_squared_error(test[tgt], pred),
        "baseline_mae_km": mean_absolute_error(test[tgt], naive),
    }
    print(json.dumps(res, indent=2))
    if run:
        run.log(res)


if __name__ == "__main__":
    main()
