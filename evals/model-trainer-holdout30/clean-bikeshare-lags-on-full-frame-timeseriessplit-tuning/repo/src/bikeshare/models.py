"""Regressor factory."""
from xgboost import XGBRegressor


def make_regressor(params: dict, seed: int) -> XGBRegressor:
    return XGBRegressor(objective="count:poisson", tree_method="hist", **params, random_state=seed, n_jobs=8)
