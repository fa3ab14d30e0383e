import numpy as np
import pandas as pd
from sklearn.preprocessing import StandardScaler


class CovariatePrep:
    """Median-impute and standardise numeric covariates; binary flags pass through."""

    def __init__(self, numeric, binary):
        self.numeric, self.binary = list(numeric), list(binary)

    def fit(self, df: pd.DataFrame):
        self.medians_ = df[self.numeric].median()
        self.scaler_ = StandardScaler().fit(df[self.numeric].fillna(self.medians_))
        return self

    def transform(self, df: pd.DataFrame) -> pd.DataFrame:
        num = self.scaler_.transform(df[self.numeric].fillna(self.medians_))
        out = pd.DataFrame(num, columns=self.numeric, index=df.index)
        out[self.binary] = df[self.binary].fillna(0).astype(float).to_numpy()
        return out


def add_label(features: pd.DataFrame, df: pd.DataFrame, dur: str, evt: str) -> pd.DataFrame:
    return features.assign(**{dur: df[dur].to_numpy(), evt: df[evt].astype(int).to_numpy()})


def to_structured(df: pd.DataFrame, dur: str, evt: str):
    return np.array(list(zip(df[evt].astype(bool), df[dur].astype(float))),
                    dtype=[("event", bool), ("time", float)])
