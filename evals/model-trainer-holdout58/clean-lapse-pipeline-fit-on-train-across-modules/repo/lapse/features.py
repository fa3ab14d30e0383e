from __future__ import annotations

import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler


def make_preprocessor(cfg: dict) -> ColumnTransformer:
    feats = cfg["features"]
    return ColumnTransformer([
        ("num", Pipeline([("impute", SimpleImputer(strategy="median")), ("scale", StandardScaler())]),
         feats["numeric"]),
        ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), feats["categorical"]),
    ])


def describe_features(pre: ColumnTransformer, df: pd.DataFrame) -> pd.DataFrame:
    """Fit a copy of the preprocessor on ``df`` and return the output column summary."""
    from sklearn.base import clone

    fitted = clone(pre).fit(df)
    out = pd.DataFrame(fitted.transform(df), columns=fitted.get_feature_names_out())
    return out.describe().T[["mean", "std", "min", "max"]]
