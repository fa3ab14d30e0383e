import numpy as np
from sklearn.model_selection import TimeSeriesSplit


def week_folds(weeks, n_splits, gap):
    """TimeSeriesSplit over the sorted unique weeks, mapped back to row indices.

    Splitting on unique weeks keeps all SKUs of a given week on the same side of the cut.
    """
    weeks = np.asarray(weeks)
    uniq = np.unique(weeks)
    for tr_w, va_w in TimeSeriesSplit(n_splits=n_splits, gap=gap).split(uniq):
        yield np.flatnonzero(np.isin(weeks, uniq[tr_w])), np.flatnonzero(np.isin(weeks, uniq[va_w]))
