"""Feature construction shared by training and scoring."""
from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.preprocessing import OneHotEncoder

from fraudscore.config import FeatureCfg


def add_derived(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    out["amount_log"] = np.log1p(out["amount"])
    out["amount_vs_24h"] = out["amount"] / (out["txn_amount_24h"] + 1.0)
    return out


class FeatureBuilder:
    def __init__(self, cfg: FeatureCfg) -> None:
        self.numeric = list(cfg.numeric) + ["amount_log", "amount_vs_24h"]
        self.categorical = list(cfg.categorical)
        self._ct = ColumnTransformer(
            [
                ("cat", OneHotEncoder(handle_unknown="infrequent_if_exist", min_frequency=50), self.categorical),
                ("num", "passthrough", self.numeric),
            ]
        )

    def fit(self, df: pd.DataFrame) -> "FeatureBuilder":
        self._ct.fit(add_derived(df))
        return self

    def transform(self, df: pd.DataFrame):
        return self._ct.transform(add_derived(df))

    def fit_transform(self, df: pd.DataFrame):
        return self.fit(df).transform(df)
