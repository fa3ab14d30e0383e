"""Purged k-fold with embargo for overlapping forward-return labels (Lopez de Prado, AFML ch. 7)."""
import numpy as np
import pandas as pd


class PurgedKFold:
    def __init__(self, n_splits: int, embargo_days: int):
        self.n_splits = n_splits
        self.embargo = pd.Timedelta(days=embargo_days)

    def split(self, t0: pd.Series, t1: pd.Series):
        """t0: label start (feature date) per row, t1: label end per row; rows need not be sorted."""
        t0 = pd.to_datetime(t0).to_numpy()
        t1 = pd.to_datetime(t1).to_numpy()
        dates = np.unique(t0)
        for fold_dates in np.array_split(dates, self.n_splits):
            test_start, test_end = fold_dates[0], fold_dates[-1]
            test_mask = (t0 >= test_start) & (t0 <= test_end)
            test_label_end = t1[test_mask].max()
            before = t1 < test_start
            after = t0 > test_label_end + self.embargo
            train_idx = np.flatnonzero(before | after)
            yield train_idx, np.flatnonzero(test_mask)
