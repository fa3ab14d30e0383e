"""Shared preprocessing for the consumer-loan PD models."""
import numpy as np
import pandas as pd
from sklearn.impute import SimpleImputer
from sklearn.preprocessing import StandardScaler


class CreditPreprocessor:
    def __init__(self, numeric_cols, clip_quantile=0.995):
        self.numeric_cols = numeric_cols
        self.clip_quantile = clip_quantile
        self.imputer = SimpleImputer(strategy="median", add_indicator=True)
        self.scaler = StandardScaler()
        self.upper_ = None

    def _engineer(self, df):
        out = df[self.numeric_cols].copy()
        out["total_late"] = out[["num_30_59_days_late", "num_60_89_days_late", "num_90_days_late"]].sum(axis=1)
        out["income_per_dependent"] = out["monthly_income"] / (out["dependents"].fillna(0) + 1)
        out["log_debt_ratio"] = np.log1p(out["debt_ratio"].clip(lower=0))
        return out

    def fit(self, frames):
        data = pd.concat([self._engineer(f) for f in frames], ignore_index=True)
        self.upper_ = data.quantile(self.clip_quantile)
        clipped = data.clip(upper=self.upper_, axis=1)
        self.scaler.fit(self.imputer.fit_transform(clipped))
        return self

    def transform(self, df):
        feats = self._engineer(df).clip(upper=self.upper_, axis=1)
        return self.scaler.transform(self.imputer.transform(feats))
