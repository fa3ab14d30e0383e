import numpy as np
from sklearn.metrics import mean_absolute_error, mean_squared_error


def scores(y_true, y_pred) -> dict:
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    return {
        "mae": float(mean_absolute_error(y_true, y_pred)),
        "rmse": float(mean_squared_error(y_true, y_pred) ** 0.5),
        "bias": float((y_pred - y_true).mean()),
    }
