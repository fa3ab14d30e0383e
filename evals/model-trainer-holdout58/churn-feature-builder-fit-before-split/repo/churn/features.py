"""Feature engineering for the churn model."""
from __future__ import annotations

import logging
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

logger = logging.getLogger(__name__)

TARGET = "churned"
DERIVED = ["tenure_years", "charges_per_month"]


@dataclass
class FeatureBuilder:
    numeric: list[str]
    categorical: list[str]
    drop: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._transformer: ColumnTransformer | None = None

    @classmethod
    def from_config(cls, cfg: dict) -> "FeatureBuilder":
        feats = cfg["features"]
        return cls(
            numeric=list(feats["numeric"]),
            categorical=list(feats["categorical"]),
            drop=list(feats.get("drop", [])),
        )

    def _add_derived(self, df: pd.DataFrame) -> pd.DataFrame:
        df = df.drop(columns=self.drop, errors="ignore").copy()
        df["tenure_years"] = df["tenure_months"] / 12.0
        df["charges_per_month"] = df["total_charges"] / df["tenure_months"].clip(lower=1)
        return df

    def _build(self) -> ColumnTransformer:
        numeric_pipe = Pipeline([
            ("impute", SimpleImputer(strategy="median")),
            ("scale", StandardScaler()),
        ])
        categorical_pipe = Pipeline([
            ("impute", SimpleImputer(strategy="most_frequent")),
            ("onehot", OneHotEncoder(handle_unknown="ignore", sparse_output=False)),
        ])
        return ColumnTransformer(
            [
                ("num", numeric_pipe, self.numeric + DERIVED),
                ("cat", categorical_pipe, self.categorical),
            ],
            remainder="drop",
        )

    def fit_transform(self, df: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
        df = self._add_derived(df)
        self._transformer = self._build()
        X = self._transformer.fit_transform(df)
        logger.info("feature matrix: %d rows x %d columns", *X.shape)
        return X, df[TARGET].to_numpy()

    def transform(self, df: pd.DataFrame) -> np.ndarray:
        if self._transformer is None:
            raise RuntimeError("FeatureBuilder.transform called before fit_transform")
        return self._transformer.transform(self._add_derived(df))

    @property
    def transformer(self) -> ColumnTransformer:
        if self._transformer is None:
            raise RuntimeError("transformer not fitted yet")
        return self._transformer
