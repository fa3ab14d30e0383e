import json
import logging

import numpy as np
import yaml
from catboost import CatBoostRegressor
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.model_selection import train_test_split

from bggrate.data import load_split
from bggrate.tuning import _pool, tune

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("bggrate")


def main():
    cfg = yaml.safe_load(open("params.yaml"))
    np.random.seed(cfg["seed"])
    X_train, X_test, y_train, y_test = load_split(cfg)

    best_params, cv_rmse = tune(X_train, y_train, cfg)
    log.info("CV RMSE %.4f params %s", cv_rmse, best_params)

    # early-stopping set comes out of the training data, never the test split
    X_fit, X_es, y_fit, y_es = train_test_split(X_train, y_train, test_size=0.1, random_state=cfg["seed"])
    model = CatBoostRegressor(**best_params, iterations=3000, od_type="Iter", od_wait=100,
                              random_seed=cfg["seed"], verbose=200)
    model.fit(_pool(X_fit, y_fit, cfg), eval_set=_pool(X_es, y_es, cfg), use_best_model=True)

    pred = model.predict(_pool(X_test, None, cfg))
    mean_pred = np.full(len(y_test), y_train.mean())
    report = {
        "test_mae": mean_absolute_error(y_test, pred),
        "test_rmse": mean_squared_error(y_test, pred) ** 0.5,
        "test_r2": r2_score(y_test, pred),
        "mean_baseline_mae": mean_absolute_error(y_test, mean_pred),
        "mean_baseline_rmse": mean_squared_error(y_test, mean_pred) ** 0.5,
    }
    log.info(json.dumps(report, indent=2))
    model.save_model("models/bgg_rating.cbm")


if __name__ == "__main__":
    main()
