"""Chains registered transforms in the order given by the config."""
from __future__ import annotations

import pandas as pd

from pricing.transforms import TRANSFORMS, Transform


class FeaturePipeline:
    def __init__(self, steps: list[Transform]):
        self.steps = steps

    @classmethod
    def from_config(cls, specs: list[dict], target: str) -> "FeaturePipeline":
        steps = []
        for spec in specs:
            spec = dict(spec)
            name = spec.pop("name")
            steps.append(TRANSFORMS[name](target=target, **spec))
        return cls(steps)

    def fit_transform(self, df: pd.DataFrame) -> pd.DataFrame:
        for step in self.steps:
            df = step.fit(df).transform(df)
        return df

    def transform(self, df: pd.DataFrame) -> pd.DataFrame:
        for step in self.steps:
            df = step.transform(df)
        return df
