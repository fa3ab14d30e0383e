"""Train an XGBoost demand model on weekly sales with lag features."""
import argparse
import logging
from pathlib import Path

import numpy as np
import pandas as pd
import xgboost as xgb
import yaml
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import KFold

from features import add_calendar, add_lags, add_price_features

log = logging.getLogger("sales")


def load(data_dir: Path) -> pd.DataFrame:
    sales = pd.read_parquet(data_dir / "weekly_sales.parquet")
    prices = pd.read_parquet(data_dir / "sell_prices.parquet")
    calendar = pd.read_parquet(data_dir / "calendar_weeks.parquet")
    df = sales.merge(prices, on=["store_id", "item_id", "week_start"], how="left")
    df = df.merge(calendar, on="week_start", how="left")
    df["week_start"] = pd.to_datetime(df["week_start"])
    return df


def rmse(y, p):
    return float(np.sqrt(mean_squared_error(y, p)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    ap.add_argument("--out", default="artifacts")
    args = ap.parse_args()
    cfg = yaml.safe_load(open(args.config))
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    np.random.seed(cfg["seed"])

    df = load(Path(cfg["data_dir"]))
    df = add_calendar(df)
    df = add_lags(df, cfg["lags"], cfg["rolling_windows"])
    df = add_price_features(df)
    df = df.dropna(subset=[f"units_lag_{max(cfg['lags'])}"]).reset_index(drop=True)

    features = [c for c in df.columns if c.startswith(("units_lag", "units_r", "units_ewm", "price", "log_price"))]
    features += ["store_id", "item_id", "year", "weekofyear", "month", "is_holiday_week"]
    X, y = df[features], df["units"]
    log.info("rows=%d features=%d span=%s..%s", len(df), len(features), df.week_start.min(), df.week_start.max())

    params = dict(cfg["xgb"], seed=cfg["seed"])
    kf = KFold(n_splits=cfg["n_folds"], shuffle=True, random_state=cfg["seed"])
    oof = np.zeros(len(df))
    naive = df["units_lag_52"].to_numpy()
    best_rounds = []
    for fold, (tr, va) in enumerate(kf.split(X)):
        dtr = xgb.DMatrix(X.iloc[tr], label=y.iloc[tr])
        dva = xgb.DMatrix(X.iloc[va], label=y.iloc[va])
        booster = xgb.train(params, dtr, num_boost_round=4000, evals=[(dva, "valid")],
                            early_stopping_rounds=150, verbose_eval=500)
        oof[va] = booster.predict(dva, iteration_range=(0, booster.best_iteration + 1))
        best_rounds.append(booster.best_iteration + 1)
        log.info("fold %d rmse=%.4f mae=%.4f", fold, rmse(y.iloc[va], oof[va]), mean_absolute_error(y.iloc[va], oof[va]))

    log.info("CV  rmse=%.4f mae=%.4f", rmse(y, oof), mean_absolute_error(y, oof))
    log.info("seasonal-naive (lag 52) rmse=%.4f mae=%.4f", rmse(y, naive), mean_absolute_error(y, naive))

    n_rounds = int(np.mean(best_rounds) * 1.1)
    final = xgb.train(params, xgb.DMatrix(X, label=y), num_boost_round=n_rounds)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    final.save_model(out / "xgb_sales.json")
    log.info("saved final model with %d rounds", n_rounds)


if __name__ == "__main__":
    main()
