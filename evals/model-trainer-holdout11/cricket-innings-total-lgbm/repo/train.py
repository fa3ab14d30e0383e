import argparse
import logging

import lightgbm as lgb
import numpy as np
import pandas as pd
import yaml
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import KFold

from src.innings.features import FEATURES, add_history_features
from src.innings.tracking import start_run

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
log = logging.getLogger("train")


def main(cfg_path: str) -> None:
    cfg = yaml.safe_load(open(cfg_path))
    np.random.seed(cfg["seed"])
    raw = pd.read_parquet(cfg["data_path"])
    innings = add_history_features(raw).reset_index(drop=True)
    X, y = innings[FEATURES], innings["final_total"]
    run = start_run(cfg["wandb_project"], cfg)

    folds = KFold(n_splits=cfg["n_folds"], shuffle=True, random_state=cfg["seed"])
    oof = np.zeros(len(innings))
    params = {**cfg["lgb_params"], "seed": cfg["seed"]}
    best_iters = []
    for k, (tr_idx, va_idx) in enumerate(folds.split(X)):
        dtr = lgb.Dataset(X.iloc[tr_idx], y.iloc[tr_idx])
        dva = lgb.Dataset(X.iloc[va_idx], y.iloc[va_idx], reference=dtr)
        booster = lgb.train(params, dtr, num_boost_round=cfg["num_boost_round"], valid_sets=[dva],
                            callbacks=[lgb.early_stopping(cfg["early_stopping_rounds"], verbose=False)])
        oof[va_idx] = booster.predict(X.iloc[va_idx], num_iteration=booster.best_iteration)
        best_iters.append(booster.best_iteration)
        log.info("fold %d MAE %.2f", k, mean_absolute_error(y.iloc[va_idx], oof[va_idx]))

    naive = innings["venue_avg_total"].values
    scores = {
        "cv_mae": mean_absolute_error(y, oof),
        "cv_rmse": mean_squared_error(y, oof) ** 0.5,
        "venue_avg_mae": mean_absolute_error(y, naive),
    }
    log.info("scores %s", scores)
    run.log(scores)

    final = lgb.train(params, lgb.Dataset(X, y), num_boost_round=int(np.mean(best_iters)))
    final.save_model("models/innings_lgb.txt")
    run.finish()


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    main(ap.parse_args().config)
