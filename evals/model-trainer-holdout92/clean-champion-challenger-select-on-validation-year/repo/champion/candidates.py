"""Candidate frequency models for the champion/challenger review."""
import lightgbm as lgb
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.linear_model import PoissonRegressor
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, OrdinalEncoder, SplineTransformer


def glm(num, cat, seed):
    design = ColumnTransformer([
        ("spl", SplineTransformer(n_knots=5, knots="quantile"), num),
        ("ohe", OneHotEncoder(handle_unknown="ignore", min_frequency=200), cat),
    ])
    return Pipeline([("design", design), ("model", PoissonRegressor(alpha=1e-4, max_iter=3000))])


def hist_gbm(num, cat, seed):
    enc = ColumnTransformer([
        ("num", "passthrough", num),
        ("cat", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1), cat),
    ])
    gbm = HistGradientBoostingRegressor(loss="poisson", learning_rate=0.05, max_iter=400, max_leaf_nodes=31,
                                        min_samples_leaf=300, categorical_features=list(range(len(num), len(num) + len(cat))),
                                        random_state=seed)
    return Pipeline([("enc", enc), ("model", gbm)])


def lightgbm(num, cat, seed):
    enc = ColumnTransformer([
        ("num", "passthrough", num),
        ("cat", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1), cat),
    ])
    booster = lgb.LGBMRegressor(objective="poisson", n_estimators=700, learning_rate=0.03, num_leaves=31,
                                min_child_samples=300, subsample=0.8, subsample_freq=1, colsample_bytree=0.8,
                                random_state=seed, verbose=-1)
    return Pipeline([("enc", enc), ("model", booster)])


CANDIDATES = {"glm": glm, "hist_gbm": hist_gbm, "lightgbm": lightgbm}
