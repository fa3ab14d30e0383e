import numpy as np
from sklearn.metrics import mean_absolute_error, mean_gamma_deviance, mean_squared_error


def severity_metrics(y, pred) -> dict:
    return {
        "mae": float(mean_absolute_error(y, pred)),
        "rmse": float(np.sqrt(mean_squared_error(y, pred))),
        "gamma_deviance": float(mean_gamma_deviance(y, np.clip(pred, 1e-6, None))),
    }
