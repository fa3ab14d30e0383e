from dataclasses import dataclass

import numpy as np
import pandas as pd


@dataclass
class Fold:
    cutoff: pd.Timestamp
    horizon: int

    def masks(self, dates: pd.Series):
        train = dates <= self.cutoff
        test = (dates > self.cutoff) & (dates <= self.cutoff + pd.Timedelta(days=self.horizon))
        return train, test


def expanding_folds(first_cutoff: str, n_folds: int, step_days: int, horizon: int) -> list[Fold]:
    start = pd.Timestamp(first_cutoff)
    return [Fold(start + pd.Timedelta(days=i * step_days), horizon) for i in range(n_folds)]


def seasonal_naive(df: pd.DataFrame, cutoff: pd.Timestamp, test_rows: pd.DataFrame) -> np.ndarray:
    """Repeat each series' last observed week (same weekday) over the horizon."""
    last_week = df[(df["date"] > cutoff - pd.Timedelta(days=7)) & (df["date"] <= cutoff)]
    ref = last_week.assign(dow=last_week["date"].dt.dayofweek)[["store_id", "item_id", "dow", "sales"]]
    merged = test_rows[["store_id", "item_id", "dow"]].merge(ref, on=["store_id", "item_id", "dow"], how="left")
    return merged["sales"].fillna(0.0).to_numpy()


def scores(y: np.ndarray, yhat: np.ndarray) -> dict:
    err = yhat - y
    return {
        "wape": float(np.abs(err).sum() / np.abs(y).sum()),
        "mae": float(np.abs(err).mean()),
        "rmse": float(np.sqrt((err ** 2).mean())),
        "bias": float(err.sum() / np.abs(y).sum()),
    }
