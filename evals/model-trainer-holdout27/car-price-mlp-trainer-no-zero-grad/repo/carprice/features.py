import numpy as np
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler


class TabularEncoder:
    def __init__(self, numeric, categorical):
        self.ct = ColumnTransformer(
            [
                ("num", Pipeline([("imp", SimpleImputer(strategy="median")), ("sc", StandardScaler())]), numeric),
                ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=20, sparse_output=False), categorical),
            ]
        )

    def fit(self, frame):
        self.ct.fit(frame)
        return self

    def transform(self, frame) -> np.ndarray:
        return self.ct.transform(frame).astype(np.float32)
