"""
Daily store x SKU demand model (replenishment pilot).

Builds lag / rolling features from the sales history and estimates out-of-sample
accuracy with 5-fold CV before the model is promoted to the weekly scoring job.
"""
import argparse
import logging

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.model_selection import KFold

logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
logger = logging.getLogger(__name__)

PARAMS = dict(
    objective="tweedie",
    tweedie_variance_power=1.2,
    learning_rate=0.03,
    num_leaves=63,
    min_child_samples=40,
    feature_fraction=0.8,
    bagging_fraction=0.8,
    bagging_freq=1,
    n_estimators=1500,
    random_state=11,
    verbose=-1,
)
KEYS = ["store_id", "sku_id"]


def build_features(sales: pd.DataFrame) -> pd.DataFrame:
    sales = sales.sort_values(KEYS + ["date"]).copy()
    g = sales.groupby(KEYS)["units"]
    for lag in (7, 14, 28):
        sales[f"lag_{lag}"] = g.shift(lag)
    sales["rmean_7"] = g.transform(lambda s: s.shift(7).rolling(7, min_periods=3).mean())
    sales["rmean_28"] = g.transform(lambda s: s.shift(7).rolling(28, min_periods=7).mean())
    sales["dow"] = sales["date"].dt.dayofweek
    sales["week"] = sales["date"].dt.isocalendar().week.astype(int)
    sales["promo_depth"] = 1 - sales["promo_price"] / sales["shelf_price"]
    return sales.dropna(subset=["lag_28", "rmean_28"])


def wape(y, yhat):
    return np.abs(y - yhat).sum() / np.abs(y).sum()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sales", default="data/daily_sales.parquet")
    ap.add_argument("--folds", type=int, default=5)
    args = ap.parse_args()

    sales = pd.read_parquet(args.sales, columns=KEYS + ["date", "units", "promo_price", "shelf_price", "on_display"])
    sales["date"] = pd.to_datetime(sales["date"])
    frame = build_features(sales).reset_index(drop=True)

    feats = ["lag_7", "lag_14", "lag_28", "rmean_7", "rmean_28", "dow", "week", "promo_depth", "on_display"]
    X, y = frame[feats], frame["units"]

    cv = KFold(n_splits=args.folds, shuffle=True, random_state=11)
    scores, naive_scores = [], []
    for k, (tr, va) in enumerate(cv.split(X)):
        model = lgb.LGBMRegressor(**PARAMS)
        model.fit(X.iloc[tr], y.iloc[tr])
        pred = model.predict(X.iloc[va])
        scores.append(wape(y.iloc[va].to_numpy(), pred))
        naive_scores.append(wape(y.iloc[va].to_numpy(), X.iloc[va]["lag_7"].to_numpy()))
        mae = np.mean(np.abs(y.iloc[va].to_numpy() - pred))
        logger.info("fold %d  WAPE=%.4f  MAE=%.3f  seasonal-naive WAPE=%.4f", k, scores[-1], mae, naive_scores[-1])

    logger.info("CV WAPE %.4f +/- %.4f (naive %.4f)", np.mean(scores), np.std(scores), np.mean(naive_scores))


if __name__ == "__main__":
    main()
