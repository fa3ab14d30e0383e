"""Day-ahead hourly load model for the regional grid (XGBoost).

Usage: python train_load_model.py --csv data/load_hourly.csv --horizon-days 60
"""
import argparse
import json
import logging

import numpy as np
import pandas as pd
import xgboost as xgb
from scipy.stats import loguniform, randint, uniform
from sklearn.metrics import mean_absolute_error, mean_absolute_percentage_error, mean_squared_error
from sklearn.model_selection import KFold, RandomizedSearchCV

log = logging.getLogger(__name__)
RNG_SEED = 1234

CONFIG = {
    "n_iter": 40,
    "cv_folds": 5,
    "target": "load_mw",
}


def make_features(df: pd.DataFrame) -> pd.DataFrame:
    df = df.sort_values("timestamp").set_index("timestamp")
    feats = pd.DataFrame(index=df.index)
    feats["hour"] = df.index.hour
    feats["dow"] = df.index.dayofweek
    feats["doy"] = df.index.dayofyear
    feats["is_holiday"] = df["is_holiday"].astype(int)
    feats["temp_c"] = df["temp_c"]
    feats["temp_c_sq"] = df["temp_c"] ** 2
    # day-ahead: only information available >= 24h before the target hour
    for lag in (24, 48, 168, 336):
        feats[f"load_lag_{lag}"] = df["load_mw"].shift(lag)
    feats["load_roll24_lag24"] = df["load_mw"].shift(24).rolling(24).mean()
    feats["load_roll168_lag24"] = df["load_mw"].shift(24).rolling(168).mean()
    feats["load_mw"] = df["load_mw"]
    return feats.dropna()


def metrics(y, p):
    return {
        "mae": float(mean_absolute_error(y, p)),
        "rmse": float(np.sqrt(mean_squared_error(y, p))),
        "mape": float(mean_absolute_percentage_error(y, p)),
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--csv", required=True)
    ap.add_argument("--horizon-days", type=int, default=60)
    ap.add_argument("--out", default="load_xgb.json")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO)

    raw = pd.read_csv(args.csv, parse_dates=["timestamp"])
    data = make_features(raw)
    target = CONFIG["target"]

    cutoff = data.index.max() - pd.Timedelta(days=args.horizon_days)
    history, holdout = data[data.index <= cutoff], data[data.index > cutoff]
    X_hist, y_hist = history.drop(columns=target), history[target]
    X_hold, y_hold = holdout.drop(columns=target), holdout[target]
    log.info("history %s -> %s, holdout %s -> %s", history.index.min(), cutoff, holdout.index.min(), holdout.index.max())

    search_space = {
        "max_depth": randint(3, 10),
        "learning_rate": loguniform(1e-2, 2e-1),
        "subsample": uniform(0.6, 0.4),
        "colsample_bytree": uniform(0.5, 0.5),
        "min_child_weight": randint(1, 20),
        "n_estimators": randint(200, 1200),
    }
    folds = KFold(n_splits=CONFIG["cv_folds"], shuffle=True, random_state=RNG_SEED)
    search = RandomizedSearchCV(
        xgb.XGBRegressor(objective="reg:squarederror", tree_method="hist", random_state=RNG_SEED),
        search_space,
        n_iter=CONFIG["n_iter"],
        cv=folds,
        scoring="neg_mean_absolute_error",
        random_state=RNG_SEED,
        n_jobs=-1,
    )
    search.fit(X_hist, y_hist)
    log.info("best params %s (cv MAE %.1f)", search.best_params_, -search.best_score_)

    model = search.best_estimator_
    results = {
        "xgboost": metrics(y_hold, model.predict(X_hold)),
        "seasonal_naive_168h": metrics(y_hold, X_hold["load_lag_168"]),
    }
    for k, v in results.items():
        log.info("%s holdout: %s", k, v)
    model.save_model(args.out)
    with open("holdout_metrics.json", "w") as fh:
        json.dump({"params": search.best_params_, "holdout": results}, fh, indent=2)


if __name__ == "__main__":
    main()
