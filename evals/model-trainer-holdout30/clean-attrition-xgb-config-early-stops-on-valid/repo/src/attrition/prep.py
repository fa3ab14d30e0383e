"""Preprocessing fitted on the training split only."""
from __future__ import annotations

import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.preprocessing import OneHotEncoder


def make_encoder(numeric: list[str], categorical: list[str]) -> ColumnTransformer:
    return ColumnTransformer(
        [("cat", OneHotEncoder(handle_unknown="ignore"), categorical), ("num", "passthrough", numeric)],
        sparse_threshold=0.0,
    )


def frames(paths) -> dict[str, pd.DataFrame]:
    return {"train": pd.read_csv(paths.train), "valid": pd.read_csv(paths.valid), "test": pd.read_csv(paths.test)}
