import numpy as np
from sklearn.metrics import mean_absolute_error, mean_squared_error


def scores(y_true, y_pred, flood_cm: float) -> dict:
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    high = y_true >= flood_cm
    return {
        "mae": mean_absolute_error(y_true, y_pred),
        "rmse": mean_squared_error(y_true, y_pred) ** 0.5,
        "nse": 1 - np.sum((y_true - y_pred) ** 2) / np.sum((y_true - y_true.mean()) ** 2),
        "mae_above_flood": mean_absolute_error(y_true[high], y_pred[high]) if high.any() else float("nan"),
    }
