from sklearn.ensemble import RandomForestRegressor
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline


def build_model(cfg):
    """Median imputation + random forest; hyperparameters come from config.json."""
    params = dict(cfg["model"])
    forest = RandomForestRegressor(n_jobs=-1, **params)
    return Pipeline([("impute", SimpleImputer(strategy="median")), ("rf", forest)])
