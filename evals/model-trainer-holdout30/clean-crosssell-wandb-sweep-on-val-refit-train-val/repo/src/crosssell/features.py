"""Categorical handling for LightGBM: category levels are learned from the fitting frame only."""
from __future__ import annotations

import pandas as pd

from crosssell.data import CATEGORICAL, NUMERIC


def fit_levels(frame: pd.DataFrame) -> dict[str, list]:
    return {c: sorted(frame[c].dropna().unique().tolist()) for c in CATEGORICAL}


def to_matrix(frame: pd.DataFrame, levels: dict[str, list]) -> pd.DataFrame:
    out = frame[NUMERIC].copy()
    for c in CATEGORICAL:
        out[c] = pd.Categorical(frame[c], categories=levels[c])
    return out
