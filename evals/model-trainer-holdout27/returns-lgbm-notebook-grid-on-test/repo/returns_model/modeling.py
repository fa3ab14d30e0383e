import lightgbm as lgb
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from .data import CAT_COLS, NUM_COLS


def lgbm(params: dict, seed: int) -> lgb.LGBMClassifier:
    return lgb.LGBMClassifier(random_state=seed, verbose=-1, **params)


def logistic_baseline(seed: int) -> Pipeline:
    prep = ColumnTransformer(
        [("num", StandardScaler(), NUM_COLS), ("cat", OneHotEncoder(handle_unknown="ignore"), CAT_COLS)]
    )
    return Pipeline([("prep", prep), ("clf", LogisticRegression(max_iter=1000, random_state=seed))])
