from sklearn.dummy import DummyRegressor
from sklearn.ensemble import GradientBoostingRegressor, RandomForestRegressor
from sklearn.linear_model import RidgeCV
from sklearn.pipeline import Pipeline

from housing.preprocess import make_preprocessor


def build_models(cfg):
    pre = lambda: make_preprocessor(cfg["numeric_features"], cfg["categorical_features"])
    return {
        "median_baseline": Pipeline([("pre", pre()), ("model", DummyRegressor(strategy="median"))]),
        "ridge": Pipeline([("pre", pre()), ("model", RidgeCV(alphas=[0.1, 1, 10, 30, 100]))]),
        "random_forest": Pipeline([("pre", pre()),
                                   ("model", RandomForestRegressor(n_jobs=-1, **cfg["models"]["random_forest"]))]),
        "gradient_boosting": Pipeline([("pre", pre()),
                                       ("model", GradientBoostingRegressor(**cfg["models"]["gradient_boosting"]))]),
    }
