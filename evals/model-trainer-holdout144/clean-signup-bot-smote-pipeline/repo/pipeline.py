from imblearn.over_sampling import SMOTE
from imblearn.pipeline import Pipeline
from lightgbm import LGBMClassifier
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.preprocessing import FunctionTransformer, StandardScaler
import numpy as np


def build_pipeline(cfg):
    """Impute -> log/scale -> SMOTE -> LightGBM."""
    seed = cfg["seed"]
    num = Pipeline([
        ("impute", SimpleImputer(strategy="median")),
        ("log", FunctionTransformer(np.log1p)),
        ("scale", StandardScaler()),
    ])
    pre = ColumnTransformer([
        ("num", num, cfg["features"]["numeric"]),
        ("bin", SimpleImputer(strategy="most_frequent"), cfg["features"]["binary"]),
    ])
    return Pipeline([
        ("pre", pre),
        ("smote", SMOTE(**cfg["smote"], random_state=seed)),
        ("clf", LGBMClassifier(**cfg["model"], random_state=seed, verbose=-1)),
    ])
