import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer, OneHotEncoder


def engagement_ratio(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    out["pages_per_session"] = out["pages_viewed"] / (out["sessions_30d"] + 1)
    out["log_company_size"] = np.log1p(out["company_size"])
    return out


def make_preprocessor(numeric, categorical) -> Pipeline:
    cols = ColumnTransformer(
        [
            ("num", SimpleImputer(strategy="median"), numeric + ["pages_per_session", "log_company_size"]),
            ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=30), categorical),
        ]
    )
    return Pipeline([("ratios", FunctionTransformer(engagement_ratio)), ("cols", cols)])
