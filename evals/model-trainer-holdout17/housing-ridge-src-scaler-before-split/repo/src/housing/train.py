"""Train a ridge model on the California housing extract.

    python -m housing.train --data data/housing.csv
"""
import argparse
import json
import logging
from pathlib import Path

import numpy as np
from sklearn.dummy import DummyRegressor
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.model_selection import GridSearchCV, KFold, train_test_split

from housing.config import TrainConfig
from housing.data import load_raw
from housing.features import build_matrix

log = logging.getLogger("housing.train")


def evaluate(y_true_log, y_pred_log):
    y_true, y_pred = np.expm1(y_true_log), np.expm1(y_pred_log)
    return {
        "mae": float(mean_absolute_error(y_true, y_pred)),
        "rmse": float(np.sqrt(mean_squared_error(y_true, y_pred))),
        "r2": float(r2_score(y_true, y_pred)),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)

    cfg = TrainConfig()
    if args.data:
        cfg.data_path = args.data
    if args.out:
        cfg.out_path = args.out
    np.random.seed(cfg.seed)

    raw = load_raw(cfg.data_path)
    y = np.log1p(raw[cfg.target].to_numpy())
    X = build_matrix(raw, cfg.numeric_cols, cfg.categorical_cols)

    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=cfg.test_size, random_state=cfg.seed)
    log.info("train %s / test %s", X_tr.shape, X_te.shape)

    baseline = DummyRegressor(strategy="median").fit(X_tr, y_tr)

    cv = KFold(n_splits=5, shuffle=True, random_state=cfg.seed)
    search = GridSearchCV(Ridge(), {"alpha": list(cfg.alpha_grid)}, cv=cv,
                          scoring="neg_mean_absolute_error")
    search.fit(X_tr, y_tr)
    log.info("best alpha %s (cv mae %.4f)", search.best_params_["alpha"], -search.best_score_)

    results = {
        "baseline_median": evaluate(y_te, baseline.predict(X_te)),
        "ridge": evaluate(y_te, search.predict(X_te)),
        "alpha": search.best_params_["alpha"],
    }
    cfg.out_path.parent.mkdir(parents=True, exist_ok=True)
    cfg.out_path.write_text(json.dumps(results, indent=2))
    log.info("%s", json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
