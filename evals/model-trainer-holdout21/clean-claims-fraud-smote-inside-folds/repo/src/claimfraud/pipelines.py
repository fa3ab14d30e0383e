"""Model pipelines. Resampling is a pipeline step so it only ever sees the training fold."""
from imblearn.over_sampling import SMOTENC
from imblearn.pipeline import Pipeline as ImbPipeline
from lightgbm import LGBMClassifier
from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, OrdinalEncoder, StandardScaler

from .constants import CATEGORICAL, NUMERIC, RANDOM_STATE


def _ordinal_block() -> ColumnTransformer:
    return ColumnTransformer([
        ("num", SimpleImputer(strategy="median"), NUMERIC),
        ("cat", Pipeline([
            ("imp", SimpleImputer(strategy="most_frequent")),
            ("ord", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1)),
        ]), CATEGORICAL),
    ])


def smote_lgbm() -> ImbPipeline:
    cat_idx = list(range(len(NUMERIC), len(NUMERIC) + len(CATEGORICAL)))
    return ImbPipeline([
        ("prep", _ordinal_block()),
        ("smote", SMOTENC(categorical_features=cat_idx, sampling_strategy=0.3, random_state=RANDOM_STATE)),
        ("clf", LGBMClassifier(n_estimators=400, learning_rate=0.05, num_leaves=31, min_child_samples=30,
                               colsample_bytree=0.8, random_state=RANDOM_STATE, verbose=-1)),
    ])


def plain_logreg() -> Pipeline:
    prep = ColumnTransformer([
        ("num", Pipeline([("imp", SimpleImputer(strategy="median")), ("sc", StandardScaler())]), NUMERIC),
        ("cat", OneHotEncoder(handle_unknown="ignore"), CATEGORICAL),
    ])
    return Pipeline([("prep", prep), ("clf", LogisticRegression(C=0.5, max_iter=3000, class_weight="balanced"))])


def prior_baseline() -> DummyClassifier:
    return DummyClassifier(strategy="prior")


SEARCH_SPACE = {
    "smote__sampling_strategy": [0.2, 0.3, 0.5],
    "smote__k_neighbors": [3, 5],
    "clf__num_leaves": [15, 31],
}
