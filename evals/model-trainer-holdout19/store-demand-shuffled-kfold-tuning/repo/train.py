"""Tune and evaluate a gradient-boosted demand model on the store/item daily sales data."""
import argparse
import json
import logging
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import KFold, RandomizedSearchCV

from src.config import CFG
from src.features import FEATURES, add_calendar_features, add_lag_features

log = logging.getLogger("demand")


def load(path: str) -> pd.DataFrame:
    df = pd.read_csv(path, parse_dates=["date"])
    return df.sort_values(["store", "item", "date"]).reset_index(drop=True)


def report(name, y_true, y_pred):
    mae = mean_absolute_error(y_true, y_pred)
    rmse = float(np.sqrt(mean_squared_error(y_true, y_pred)))
    log.info("%-16s MAE=%.3f RMSE=%.3f", name, mae, rmse)
    return {"mae": mae, "rmse": rmse}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/sales_daily.csv")
    ap.add_argument("--out", default="artifacts")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    np.random.seed(CFG["seed"])

    df = load(args.data)
    df = add_calendar_features(df)
    df = add_lag_features(df, lags=CFG["lags"])
    df = df.dropna(subset=FEATURES).reset_index(drop=True)

    cutoff = df["date"].max() - pd.Timedelta(days=CFG["holdout_days"])
    hist = df[df["date"] <= cutoff]
    future = df[df["date"] > cutoff]
    log.info("history rows=%d  holdout rows=%d  cutoff=%s", len(hist), len(future), cutoff.date())

    search = RandomizedSearchCV(
        HistGradientBoostingRegressor(loss="poisson", categorical_features=[0, 1],
                                      random_state=CFG["seed"]),
        param_distributions=CFG["search_space"],
        n_iter=CFG["n_iter"],
        scoring="neg_mean_absolute_error",
        cv=KFold(n_splits=5, shuffle=True, random_state=CFG["seed"]),
        n_jobs=-1,
        random_state=CFG["seed"],
        verbose=1,
    )
    search.fit(hist[FEATURES], hist["sales"])
    log.info("best params %s  cv MAE=%.3f", search.best_params_, -search.best_score_)

    metrics = {
        "seasonal_naive": report("seasonal naive", future["sales"], future["sales_lag_7"]),
        "hgb": report("hgb", future["sales"], search.best_estimator_.predict(future[FEATURES])),
    }

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "metrics.json").write_text(json.dumps({"best_params": search.best_params_, **metrics}, indent=2))


if __name__ == "__main__":
    main()
