"""Model factory."""
from __future__ import annotations

from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.impute import SimpleImputer
from sklearn.linear_model import Ridge
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from airbnb_price.features import CATEGORICAL, NUMERIC


def _prep(scale: bool) -> ColumnTransformer:
    num_steps = [("impute", SimpleImputer(strategy="median"))]
    if scale:
        num_steps.append(("scale", StandardScaler()))
    return ColumnTransformer(
        [
            ("num", Pipeline(num_steps), NUMERIC),
            ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=30, sparse_output=False), CATEGORICAL),
        ]
    )


def make_model(name: str, params: dict, seed: int) -> Pipeline:
    if name == "ridge":
        return Pipeline([("prep", _prep(scale=True)), ("ridge", Ridge(**params))])
    if name == "hgb":
        return Pipeline([
            ("prep", _prep(scale=False)),
            ("hgb", HistGradientBoostingRegressor(**params, random_state=seed)),
        ])
    raise ValueError(f"unknown model {name!r}")
