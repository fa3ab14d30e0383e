import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.model_selection import GridSearchCV, TimeSeriesSplit


def select_params(train: pd.DataFrame, features: list[str], grid: dict, n_splits: int, seed: int) -> dict:
    """Forward-chaining CV inside the training years (rows are in date order)."""
    train = train.sort_values(["date", "station"])
    base = xgb.XGBRegressor(n_estimators=400, learning_rate=0.05, subsample=0.8, colsample_bytree=0.8,
                            random_state=seed)
    search = GridSearchCV(base, grid, cv=TimeSeriesSplit(n_splits=n_splits),
                          scoring="neg_mean_absolute_error")
    search.fit(train[features], train["target"])
    return search.best_params_


def fit_final(train: pd.DataFrame, valid: pd.DataFrame, features: list[str], params: dict, seed: int):
    model = xgb.XGBRegressor(n_estimators=3000, learning_rate=0.03, subsample=0.8, colsample_bytree=0.8,
                             early_stopping_rounds=100, random_state=seed, **params)
    model.fit(train[features], train["target"], eval_set=[(valid[features], valid["target"])], verbose=False)
    return model


def climatology(train: pd.DataFrame) -> pd.Series:
    """Mean log-pollen per station and day-of-year over the training years."""
    return train.groupby(["station", train["date"].dt.dayofyear])["target"].mean()
