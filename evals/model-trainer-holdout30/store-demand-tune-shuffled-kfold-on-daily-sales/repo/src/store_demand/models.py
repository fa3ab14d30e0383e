"""Regressor factory."""
from lightgbm import LGBMRegressor


def make_regressor(params: dict, seed: int) -> LGBMRegressor:
    return LGBMRegressor(objective="tweedie", tweedie_variance_power=1.2, **params, random_state=seed, verbose=-1)
