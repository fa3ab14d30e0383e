"""Forecast next-hour scrap rate on injection-moulding line 4.

Data: hourly MES aggregates pushed to the internal HF hub mirror as CSV.
"""
import logging
import os

import numpy as np
import pandas as pd
from datasets import Dataset, load_dataset
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, mean_squared_error

SEED = 42
HORIZON = 1
LAGS = (1, 2, 3, 6, 12, 24, 168)

logging.basicConfig(level=logging.INFO)
LOG = logging.getLogger("scrap")


def featurize(batch_df: pd.DataFrame) -> pd.DataFrame:
    df = batch_df.sort_values("hour_start").reset_index(drop=True)
    df["y"] = df["scrap_rate"].shift(-HORIZON)
    for lag in LAGS:
        df[f"scrap_lag_{lag}"] = df["scrap_rate"].shift(lag - 1)
    df["scrap_ewm_12"] = df["scrap_rate"].ewm(span=12).mean()
    df["melt_temp_delta"] = df["melt_temp_c"].diff()
    df["hour_of_day"] = pd.to_datetime(df["hour_start"]).dt.hour
    df["is_weekend"] = pd.to_datetime(df["hour_start"]).dt.dayofweek >= 5
    return df.dropna()


def main() -> None:
    np.random.seed(SEED)
    raw = load_dataset("csv", data_files=os.environ.get("SCRAP_CSV", "data/line4_hourly.csv"), split="train")
    frame = featurize(raw.to_pandas())
    ds = Dataset.from_pandas(frame, preserve_index=False)
    LOG.info("hours available: %d", ds.num_rows)

    parts = ds.train_test_split(test_size=0.2, seed=SEED)
    fit_val = parts["train"].train_test_split(test_size=0.15, seed=SEED)
    train_df, valid_df = fit_val["train"].to_pandas(), fit_val["test"].to_pandas()
    test_df = parts["test"].to_pandas()

    features = [c for c in frame.columns if c not in ("hour_start", "y")]
    best, best_mae = None, np.inf
    for lr in (0.03, 0.06, 0.1):
        for leaves in (15, 31, 63):
            reg = HistGradientBoostingRegressor(learning_rate=lr, max_leaf_nodes=leaves, max_iter=600,
                                                l2_regularization=1.0, random_state=SEED)
            reg.fit(train_df[features], train_df["y"])
            mae = mean_absolute_error(valid_df["y"], reg.predict(valid_df[features]))
            LOG.info("lr=%.2f leaves=%d valid MAE=%.5f", lr, leaves, mae)
            if mae < best_mae:
                best, best_mae = reg, mae

    pred = best.predict(test_df[features])
    naive = test_df["scrap_lag_1"].to_numpy()      # persistence: scrap rate of the current hour
    LOG.info("test MAE %.5f RMSE %.5f | persistence MAE %.5f RMSE %.5f",
             mean_absolute_error(test_df["y"], pred), mean_squared_error(test_df["y"], pred) ** 0.5,
             mean_absolute_error(test_df["y"], naive), mean_squared_error(test_df["y"], naive) ** 0.5)


if __name__ == "__main__":
    main()
