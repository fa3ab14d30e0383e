import numpy as np
import pandas as pd


class FeatureBuilder:
    """Median imputation + frequency encoding, fitted on a reference frame."""

    def __init__(self, numeric, categorical):
        self.numeric = list(numeric)
        self.categorical = list(categorical)
        self.medians_ = None
        self.freqs_ = None

    def fit(self, df: pd.DataFrame):
        self.medians_ = df[self.numeric].median()
        self.freqs_ = {c: df[c].value_counts(normalize=True) for c in self.categorical}
        return self

    def transform(self, df: pd.DataFrame) -> pd.DataFrame:
        out = df[self.numeric].fillna(self.medians_)
        out["log_vehicle_value"] = np.log1p(out["vehicle_value"])
        for c in self.categorical:
            out[f"{c}_freq"] = df[c].map(self.freqs_[c]).fillna(0.0).astype(float)
        return out

    def fit_transform(self, df: pd.DataFrame) -> pd.DataFrame:
        return self.fit(df).transform(df)
