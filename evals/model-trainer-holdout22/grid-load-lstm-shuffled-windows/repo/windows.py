import numpy as np


def make_windows(series: np.ndarray, exog: np.ndarray, lookback: int, horizon: int):
    """Slide a (lookback -> horizon) window over the series.

    Returns X of shape (n, lookback, 1 + n_exog) and y of shape (n, horizon).
    """
    xs, ys = [], []
    for start in range(len(series) - lookback - horizon + 1):
        stop = start + lookback
        past = np.concatenate([series[start:stop, None], exog[start:stop]], axis=1)
        xs.append(past)
        ys.append(series[stop:stop + horizon])
    return np.stack(xs).astype(np.float32), np.stack(ys).astype(np.float32)


def seasonal_naive(X: np.ndarray, horizon: int, period: int = 24):
    """Repeat the last observed season of the target channel."""
    last_season = X[:, -period:, 0]
    reps = int(np.ceil(horizon / period))
    return np.tile(last_season, (1, reps))[:, :horizon]
