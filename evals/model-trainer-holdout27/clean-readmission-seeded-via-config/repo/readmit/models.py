from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from xgboost import XGBClassifier

from .cohort import CATEGORICAL, NUMERIC


def _columns(scale: bool):
    num_steps = [SimpleImputer(strategy="median")] + ([StandardScaler()] if scale else [])
    return ColumnTransformer(
        [
            ("num", make_pipeline(*num_steps), NUMERIC),
            ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=25), CATEGORICAL),
        ]
    )


def model_zoo(cfg) -> dict:
    return {
        "prior": Pipeline([("cols", _columns(False)), ("clf", DummyClassifier(strategy="prior"))]),
        "logreg": Pipeline(
            [("cols", _columns(True)), ("clf", LogisticRegression(C=0.3, max_iter=3000, random_state=cfg.seed))]
        ),
        "xgb": Pipeline(
            [("cols", _columns(False)), ("clf", XGBClassifier(random_state=cfg.seed, tree_method="hist", **cfg.xgb))]
        ),
    }
