import numpy as np
from sklearn.metrics import mean_absolute_error, mean_absolute_percentage_error, mean_squared_error, r2_score


def regression_scores(y, yhat) -> dict:
    return {
        "mae": mean_absolute_error(y, yhat),
        "rmse": float(np.sqrt(mean_squared_error(y, yhat))),
        "mape": mean_absolute_percentage_error(y, yhat),
        "r2": r2_score(y, yhat),
    }
