from imblearn.pipeline import Pipeline
from lightgbm import LGBMClassifier
from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from .resampling import make_sampler


def _columns(cfg: dict) -> ColumnTransformer:
    return ColumnTransformer([
        ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), cfg["numeric"]),
        ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), cfg["categorical"]),
    ])


def build_all(cfg: dict) -> dict[str, Pipeline]:
    seed = cfg["seed"]
    return {
        "prior": Pipeline([("cols", _columns(cfg)), ("clf", DummyClassifier(strategy="prior"))]),
        "logreg": Pipeline([("cols", _columns(cfg)),
                            ("clf", LogisticRegression(C=0.5, max_iter=3000, class_weight="balanced"))]),
        "lgbm": Pipeline([("cols", _columns(cfg)),
                          ("clf", LGBMClassifier(random_state=seed, verbose=-1, **cfg["lgbm"]))]),
        "lgbm_smote": Pipeline([("cols", _columns(cfg)), ("smote", make_sampler(cfg)),
                                ("clf", LGBMClassifier(random_state=seed, verbose=-1, **cfg["lgbm"]))]),
    }
