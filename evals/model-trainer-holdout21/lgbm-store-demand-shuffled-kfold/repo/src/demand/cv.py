import logging

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import KFold

log = logging.getLogger(__name__)


def cross_validate(df: pd.DataFrame, features: list[str], params: dict, n_splits: int, seed: int) -> dict:
    X, y = df[features], df["units"]
    folds = KFold(n_splits=n_splits, shuffle=True, random_state=seed)
    maes, rmses, naive_maes = [], [], []
    for k, (tr_idx, va_idx) in enumerate(folds.split(X)):
        model = lgb.LGBMRegressor(**params, random_state=seed, verbose=-1)
        model.fit(
            X.iloc[tr_idx], y.iloc[tr_idx],
            eval_set=[(X.iloc[va_idx], y.iloc[va_idx])],
            callbacks=[lgb.early_stopping(100, verbose=False)],
        )
        pred = np.clip(model.predict(X.iloc[va_idx]), 0, None)
        maes.append(mean_absolute_error(y.iloc[va_idx], pred))
        rmses.append(mean_squared_error(y.iloc[va_idx], pred) ** 0.5)
        naive_maes.append(mean_absolute_error(y.iloc[va_idx], X["units_lag_7"].iloc[va_idx]))
        log.info("fold %d mae=%.3f rmse=%.3f naive_mae=%.3f", k, maes[-1], rmses[-1], naive_maes[-1])
    return {"mae": float(np.mean(maes)), "rmse": float(np.mean(rmses)), "naive_mae": float(np.mean(naive_maes))}
