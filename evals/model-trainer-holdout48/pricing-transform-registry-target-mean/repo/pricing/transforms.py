"""Registry of feature transforms that configs can reference by name."""
from __future__ import annotations

import numpy as np
import pandas as pd

TRANSFORMS: dict[str, type] = {}


def register(name: str):
    def deco(cls):
        TRANSFORMS[name] = cls
        return cls
    return deco


class Transform:
    def fit(self, df: pd.DataFrame) -> "Transform":
        return self

    def transform(self, df: pd.DataFrame) -> pd.DataFrame:
        raise NotImplementedError


@register("log1p")
class Log1p(Transform):
    def __init__(self, columns: list[str], **_):
        self.columns = columns

    def transform(self, df):
        out = df.copy()
        for col in self.columns:
            out[f"log_{col}"] = np.log1p(out[col].clip(lower=0))
        return out


@register("date_parts")
class DateParts(Transform):
    def __init__(self, column: str, **_):
        self.column = column

    def transform(self, df):
        out = df.copy()
        ts = pd.to_datetime(out[self.column])
        out[f"{self.column}_month"] = ts.dt.month
        out[f"{self.column}_dow"] = ts.dt.dayofweek
        out[f"{self.column}_year"] = ts.dt.year
        return out.drop(columns=[self.column])


@register("ratio")
class Ratio(Transform):
    def __init__(self, numerator: str, denominator: str, output: str, **_):
        self.num, self.den, self.output = numerator, denominator, output

    def transform(self, df):
        out = df.copy()
        out[self.output] = out[self.num] / out[self.den].replace(0, np.nan)
        return out


@register("target_mean")
class TargetMean(Transform):
    def __init__(self, columns: list[str], target: str, smoothing: float = 10.0, **_):
        self.columns, self.target, self.smoothing = columns, target, smoothing

    def fit(self, df):
        self.global_mean_ = df[self.target].mean()
        self.maps_ = {}
        for col in self.columns:
            stats = df.groupby(col)[self.target].agg(["mean", "count"])
            w = stats["count"] / (stats["count"] + self.smoothing)
            self.maps_[col] = w * stats["mean"] + (1 - w) * self.global_mean_
        return self

    def transform(self, df):
        out = df.copy()
        for col in self.columns:
            out[f"{col}_te"] = out[col].map(self.maps_[col]).fillna(self.global_mean_)
        return out.drop(columns=self.columns)
