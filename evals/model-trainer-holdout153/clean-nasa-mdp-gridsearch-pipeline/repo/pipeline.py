import numpy as np
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer, StandardScaler


def build_pipeline(seed):
    """Halstead/McCabe metrics are heavy-tailed: log1p, impute, scale, select, classify."""
    return Pipeline([
        ("log", FunctionTransformer(np.log1p, feature_names_out="one-to-one")),
        ("impute", SimpleImputer(strategy="median")),
        ("scale", StandardScaler()),
        ("select", SelectKBest(f_classif)),
        ("clf", LogisticRegression(solver="liblinear", class_weight="balanced",
                                   max_iter=2000, random_state=seed)),
    ])
