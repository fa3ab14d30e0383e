import numpy as np


def smape(y, p):
    return float(np.mean(2 * np.abs(p - y) / (np.abs(y) + np.abs(p) + 1e-9)) * 100)


def mase(y, p, y_train, m=52):
    scale = np.mean(np.abs(y_train[m:] - y_train[:-m]))
    return float(np.mean(np.abs(y - p)) / scale)


def expanding_backtest(factory, y, horizon: int, n_folds: int, min_train: int):
    """Rolling-origin evaluation: refit at each of n_folds origins and forecast `horizon` steps."""
    y = np.asarray(y, float)
    last_origin = len(y) - horizon
    origins = np.linspace(min_train, last_origin, n_folds).astype(int)
    out = []
    for origin in origins:
        hist = y[:origin]
        fc = factory().fit(hist, horizon).predict(horizon)
        actual = y[origin:origin + horizon]
        out.append({"origin": int(origin), "smape": smape(actual, fc), "mase": mase(actual, fc, hist)})
    return out
