import numpy as np
from sklearn.metrics import mean_absolute_error, mean_squared_error


def nasa_score(y_true, y_pred):
    """PHM08 asymmetric score: late predictions are penalised harder than early ones."""
    d = np.asarray(y_pred) - np.asarray(y_true)
    return float(np.sum(np.where(d < 0, np.exp(-d / 13.0) - 1, np.exp(d / 10.0) - 1)))


def rul_metrics(y_true, y_pred):
    y_pred = np.clip(y_pred, 0, None)
    return {
        "rmse": float(np.sqrt(mean_squared_error(y_true, y_pred))),
        "mae": float(mean_absolute_error(y_true, y_pred)),
        "nasa_score": nasa_score(y_true, y_pred),
    }
