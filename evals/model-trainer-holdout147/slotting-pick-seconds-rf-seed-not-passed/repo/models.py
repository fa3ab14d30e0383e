from sklearn.ensemble import RandomForestRegressor
from sklearn.linear_model import Ridge
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


def make_model(name, params):
    if name == "random_forest":
        return RandomForestRegressor(**params)
    if name == "ridge":
        return make_pipeline(StandardScaler(), Ridge(**params))
    raise ValueError(f"unknown model {name!r}")
