from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, OrdinalEncoder, StandardScaler
from sklearn.linear_model import LogisticRegression

from .schema import CATEGORICAL, NUMERIC, SEED


def gbm_pipeline() -> Pipeline:
    pre = ColumnTransformer([
        ("num", SimpleImputer(strategy="median"), NUMERIC),
        ("cat", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1), CATEGORICAL),
    ])
    clf = HistGradientBoostingClassifier(
        categorical_features=list(range(len(NUMERIC), len(NUMERIC) + len(CATEGORICAL))),
        random_state=SEED,
    )
    return Pipeline([("pre", pre), ("clf", clf)])


def glm_pipeline() -> Pipeline:
    pre = ColumnTransformer([
        ("num", Pipeline([("imp", SimpleImputer(strategy="median")), ("sc", StandardScaler())]), NUMERIC),
        ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=50), CATEGORICAL),
    ])
    return Pipeline([("pre", pre), ("clf", LogisticRegression(max_iter=2000, C=1.0))])


PARAM_GRID = {
    "clf__learning_rate": [0.03, 0.06, 0.1],
    "clf__max_leaf_nodes": [15, 31, 63],
    "clf__l2_regularization": [0.0, 1.0],
}
