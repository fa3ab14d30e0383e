import numpy as np
import pandas as pd


def windows_for_span(values: np.ndarray, index: pd.DatetimeIndex, start, end, lookback, horizon):
    """All windows whose *targets* lie in [start, end]; inputs may reach back before `start`.

    Using earlier history as model input is what the model would have at forecast time,
    it never sees a target outside the span.
    """
    lo = index.searchsorted(pd.Timestamp(start))
    hi = index.searchsorted(pd.Timestamp(end), side="right")
    X, Y = [], []
    for t in range(max(lo, lookback), hi - horizon + 1):
        X.append(values[t - lookback:t])
        Y.append(values[t:t + horizon, 0])
    return np.asarray(X, np.float32), np.asarray(Y, np.float32)


def lag_features(X: np.ndarray, lags=(1, 2, 3, 24, 48, 168, 336)):
    target = X[:, :, 0]
    return np.stack([target[:, -l] for l in lags] + [target[:, -24:].mean(1), target[:, -168:].mean(1)], axis=1)
