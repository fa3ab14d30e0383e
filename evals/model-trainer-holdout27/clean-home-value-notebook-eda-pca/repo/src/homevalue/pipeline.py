from sklearn.compose import ColumnTransformer, TransformedTargetRegressor
from sklearn.dummy import DummyRegressor
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.impute import SimpleImputer
from sklearn.linear_model import Ridge
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
import numpy as np


def _prep(numeric, categorical):
    return ColumnTransformer(
        [
            ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), numeric + ["age_at_sale"]),
            ("cat", make_pipeline(SimpleImputer(strategy="most_frequent"), OneHotEncoder(handle_unknown="ignore")), categorical),
        ]
    )


def regressors(p: dict) -> dict:
    def wrap(est):
        pipe = Pipeline([("prep", _prep(p["numeric"], p["categorical"])), ("est", est)])
        return TransformedTargetRegressor(regressor=pipe, func=np.log, inverse_func=np.exp)

    return {
        "median": DummyRegressor(strategy="median"),
        "ridge": wrap(Ridge(alpha=p["ridge_alpha"])),
        "hgb": wrap(HistGradientBoostingRegressor(random_state=p["seed"], **p["hgb"])),
    }
