import itertools

import numpy as np
from sklearn.model_selection import TimeSeriesSplit


def grid(space):
    keys = list(space)
    for values in itertools.product(*(space[k] for k in keys)):
        yield dict(zip(keys, values))


def time_series_search(make_model, space, X, y, n_splits=5, gap=24):
    """Expanding-window CV over the training period only; returns (best_params, table)."""
    tscv = TimeSeriesSplit(n_splits=n_splits, gap=gap)
    table = []
    for params in grid(space):
        maes = []
        for fit_idx, val_idx in tscv.split(X):
            model = make_model(**params)
            model.fit(X.iloc[fit_idx], y.iloc[fit_idx])
            maes.append(np.mean(np.abs(model.predict(X.iloc[val_idx]) - y.iloc[val_idx])))
        table.append((params, float(np.mean(maes)), float(np.std(maes))))
    best = min(table, key=lambda r: r[1])
    return best[0], table
