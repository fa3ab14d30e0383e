"""Plot-level maize yield model for the 2023 variety x nitrogen trial.

Each row is one trial plot (4 replicate blocks x 12 hybrids x 6 N rates x 14 sites).
Features: soil tests, UAV NDVI/NDRE at V8/V12/R1, management, hybrid maturity.
"""
import argparse
import logging
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.model_selection import train_test_split
from xgboost import XGBRegressor

logging.basicConfig(level=logging.INFO)
logger = logging.getLogger("yield")

RANDOM_STATE = 2023
SOIL = ["om_pct", "ph", "cec", "p_ppm", "k_ppm", "sand_pct", "clay_pct"]
UAV = ["ndvi_v8", "ndvi_v12", "ndvi_r1", "ndre_v8", "ndre_v12", "ndre_r1"]
MGMT = ["n_rate_kg_ha", "plant_pop_k", "hybrid_rm", "prev_crop_soy", "irrigated"]


def load(path: Path) -> pd.DataFrame:
    plots = pd.read_csv(path)
    plots = plots[plots["harvest_flag"] == "ok"].copy()
    plots["prev_crop_soy"] = (plots["previous_crop"] == "soybean").astype(int)
    plots["irrigated"] = plots["irrigated"].map({"Y": 1, "N": 0})
    return plots


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=Path("data/trial_2023_plots.csv"))
    parser.add_argument("--out", type=Path, default=Path("models/yield_xgb.joblib"))
    args = parser.parse_args()

    plots = load(args.data)
    X = plots[SOIL + UAV + MGMT]
    y = plots["yield_t_ha"]

    X_fit, X_eval, y_fit, y_eval = train_test_split(
        X, y, test_size=0.2, random_state=RANDOM_STATE
    )

    booster = XGBRegressor(
        n_estimators=3000,
        learning_rate=0.02,
        max_depth=5,
        subsample=0.8,
        colsample_bytree=0.7,
        min_child_weight=3,
        reg_lambda=2.0,
        early_stopping_rounds=100,
        eval_metric="rmse",
        random_state=RANDOM_STATE,
    )
    booster.fit(X_fit, y_fit, eval_set=[(X_eval, y_eval)], verbose=250)
    logger.info("best iteration: %d", booster.best_iteration)

    pred = booster.predict(X_eval)
    naive = np.full_like(pred, y_fit.mean())
    logger.info("holdout RMSE  %.3f t/ha (mean baseline %.3f)",
                mean_squared_error(y_eval, pred) ** 0.5, mean_squared_error(y_eval, naive) ** 0.5)
    logger.info("holdout MAE   %.3f t/ha (mean baseline %.3f)",
                mean_absolute_error(y_eval, pred), mean_absolute_error(y_eval, naive))
    logger.info("holdout R2    %.3f", r2_score(y_eval, pred))

    args.out.parent.mkdir(parents=True, exist_ok=True)
    joblib.dump(booster, args.out)


if __name__ == "__main__":
    main()
