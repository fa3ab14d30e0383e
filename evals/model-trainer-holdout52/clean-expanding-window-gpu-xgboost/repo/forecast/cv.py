import numpy as np
import pandas as pd
from sklearn.model_selection import TimeSeriesSplit


def date_folds(dates: pd.Series, n_splits: int, test_days: int, gap_days: int = 0):
    """Expanding-window folds over unique dates."""
    unique_dates = np.sort(dates.unique())
    tss = TimeSeriesSplit(n_splits=n_splits, test_size=test_days, gap=gap_days)
    for tr_d, va_d in tss.split(unique_dates):
        tr_mask = dates.isin(unique_dates[tr_d]).values
        va_mask = dates.isin(unique_dates[va_d]).values
        yield np.where(tr_mask)[0], np.where(va_mask)[0]


def smape(y_true, y_pred):
    y_true, y_pred = np.asarray(y_true, float), np.asarray(y_pred, float)
    denom = (np.abs(y_true) + np.abs(y_pred)) / 2
    ratio = np.where(denom == 0, 0.0, np.abs(y_pred - y_true) / denom)
    return 100 * ratio.mean()
