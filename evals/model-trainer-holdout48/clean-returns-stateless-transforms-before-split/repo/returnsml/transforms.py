"""Row-level feature transforms selectable from config."""
from __future__ import annotations

import numpy as np
import pandas as pd

ROW_TRANSFORMS = {}


def row_transform(name):
    def deco(fn):
        ROW_TRANSFORMS[name] = fn
        return fn
    return deco


@row_transform("log1p")
def log1p(df: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    for col in columns:
        df[f"log_{col}"] = np.log1p(df[col].clip(lower=0))
    return df


@row_transform("clip")
def clip(df: pd.DataFrame, column: str, lower: float, upper: float) -> pd.DataFrame:
    df[column] = df[column].clip(lower, upper)
    return df


@row_transform("datetime_parts")
def datetime_parts(df: pd.DataFrame, column: str) -> pd.DataFrame:
    ts = pd.to_datetime(df[column], utc=True)
    df[f"{column}_hour"] = ts.dt.hour
    df[f"{column}_dow"] = ts.dt.dayofweek
    return df.drop(columns=[column])


@row_transform("ratio")
def ratio(df: pd.DataFrame, numerator: str, denominator: str, output: str) -> pd.DataFrame:
    df[output] = (df[numerator] / df[denominator].where(df[denominator] > 0)).fillna(0.0)
    return df


@row_transform("lowercase")
def lowercase(df: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    for col in columns:
        df[col] = df[col].where(df[col].isna(), df[col].astype(str).str.strip().str.lower())
    return df


def apply_row_transforms(df: pd.DataFrame, specs: list[dict]) -> pd.DataFrame:
    df = df.copy()
    for spec in specs:
        spec = dict(spec)
        df = ROW_TRANSFORMS[spec.pop("name")](df, **spec)
    return df
