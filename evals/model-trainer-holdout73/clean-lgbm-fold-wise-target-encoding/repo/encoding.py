"""Smoothed mean encoding for high-cardinality keys (SKU, brand, SKU x region)."""
from dataclasses import dataclass, field

import pandas as pd


@dataclass
class MeanEncoder:
    cols: list[str]
    target: str = "orders"
    smoothing: float = 20.0
    maps_: dict = field(default_factory=dict)
    prior_: float = 0.0

    def fit(self, df: pd.DataFrame) -> "MeanEncoder":
        self.prior_ = float(df[self.target].mean())
        for col in self.cols:
            stats = df.groupby(col, observed=True)[self.target].agg(["sum", "count"])
            enc = (stats["sum"] + self.smoothing * self.prior_) / (stats["count"] + self.smoothing)
            self.maps_[col] = enc
        return self

    def transform(self, df: pd.DataFrame) -> pd.DataFrame:
        out = df.copy()
        for col in self.cols:
            out[f"te_{col}"] = out[col].map(self.maps_[col]).astype(float).fillna(self.prior_)
        return out
