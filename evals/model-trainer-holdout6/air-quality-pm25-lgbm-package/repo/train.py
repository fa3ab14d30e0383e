import argparse
import json
import logging
import os
import sys

import lightgbm as lgb
import numpy as np
import yaml
from sklearn.metrics import mean_absolute_error, mean_squared_error

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "src"))
from aqforecast.data import load_station  # noqa: E402
from aqforecast.features import build_matrix  # noqa: E402
from aqforecast.validation import make_splitter  # noqa: E402

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
log = logging.getLogger("train")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/pm25_station_a.yaml")
    args = ap.parse_args()
    cfg = yaml.safe_load(open(args.config))
    np.random.seed(cfg["cv"]["seed"])

    hourly = load_station(cfg["data"]["path"], cfg["data"]["timestamp"])
    feats, pm = build_matrix(hourly, cfg)

    params = dict(cfg["model"])
    n_rounds = params.pop("n_estimators")
    patience = params.pop("early_stopping_rounds")
    params["seed"] = cfg["cv"]["seed"]

    oof = np.zeros(len(pm))
    best_iters = []
    for fold, (fit_idx, hold_idx) in enumerate(make_splitter(cfg["cv"]).split(feats)):
        dtrain = lgb.Dataset(feats.iloc[fit_idx], pm.iloc[fit_idx])
        dvalid = lgb.Dataset(feats.iloc[hold_idx], pm.iloc[hold_idx])
        booster = lgb.train(
            params, dtrain, num_boost_round=n_rounds, valid_sets=[dvalid],
            callbacks=[lgb.early_stopping(patience, verbose=False), lgb.log_evaluation(500)],
        )
        oof[hold_idx] = booster.predict(feats.iloc[hold_idx], num_iteration=booster.best_iteration)
        best_iters.append(booster.best_iteration)
        log.info("fold %d  MAE %.2f", fold, mean_absolute_error(pm.iloc[hold_idx], oof[hold_idx]))

    persistence = feats["pm25_lag1"].to_numpy()
    report = {
        "cv_mae": mean_absolute_error(pm, oof),
        "cv_rmse": mean_squared_error(pm, oof) ** 0.5,
        "persistence_mae": mean_absolute_error(pm, persistence),
        "persistence_rmse": mean_squared_error(pm, persistence) ** 0.5,
        "best_iterations": best_iters,
    }
    log.info("report: %s", report)

    final = lgb.train(params, lgb.Dataset(feats, pm), num_boost_round=int(np.mean(best_iters)))
    os.makedirs(cfg["output_dir"], exist_ok=True)
    final.save_model(os.path.join(cfg["output_dir"], "lgbm_pm25.txt"))
    with open(os.path.join(cfg["output_dir"], "cv_report.json"), "w") as fh:
        json.dump(report, fh, indent=2)


if __name__ == "__main__":
    main()
