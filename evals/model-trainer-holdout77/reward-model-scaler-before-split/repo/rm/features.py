"""Feature construction for the click reward model r(x, a)."""
import numpy as np
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler


def make_transformer(numeric, categorical):
    numeric_pipe = Pipeline([
        ("impute", SimpleImputer(strategy="median")),
        ("scale", StandardScaler()),
    ])
    return ColumnTransformer([
        ("num", numeric_pipe, numeric),
        ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), categorical),
    ])


def build_features(logs, feature_cfg, transformer=None):
    """Return the design matrix for (context, action) pairs.

    When ``transformer`` is None a new one is fitted and returned so that the
    same encoding can be reused by the OPE jobs and at serving time.
    """
    cols = feature_cfg["numeric"] + feature_cfg["categorical"]
    frame = logs[cols].copy()
    frame["session_length_s"] = np.log1p(frame["session_length_s"].clip(lower=0))
    if transformer is None:
        transformer = make_transformer(feature_cfg["numeric"], feature_cfg["categorical"])
        X = transformer.fit_transform(frame)
    else:
        X = transformer.transform(frame)
    return X, transformer
