from typing import Sequence

import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler


def make_preprocessor(numeric: Sequence[str], categorical: Sequence[str]) -> ColumnTransformer:
    return ColumnTransformer(
        [
            ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), list(numeric)),
            ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=20), list(categorical)),
        ]
    )


def fit_preprocessor(frames: Sequence[pd.DataFrame], numeric, categorical) -> ColumnTransformer:
    """Fit one shared preprocessor so every split is encoded with the same columns."""
    combined = pd.concat(frames, ignore_index=True)
    pre = make_preprocessor(numeric, categorical)
    pre.fit(combined[list(numeric) + list(categorical)])
    return pre
