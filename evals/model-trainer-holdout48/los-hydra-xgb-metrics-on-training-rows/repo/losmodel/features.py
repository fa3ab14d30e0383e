from __future__ import annotations

import pandas as pd
from omegaconf import DictConfig


def load_encounters(cfg: DictConfig) -> pd.DataFrame:
    df = pd.read_parquet(cfg.path)
    df = df[(df["age"] >= cfg.min_age) & df[cfg.target].between(0, 120)]
    return df.drop_duplicates("encounter_id").reset_index(drop=True)


def build_features(df: pd.DataFrame, cfg: DictConfig, target: str) -> tuple[pd.DataFrame, pd.Series]:
    X = df[list(cfg.numeric)].copy()
    dummies = pd.get_dummies(df[list(cfg.categorical)].astype(str), dtype=float)
    X = pd.concat([X, dummies], axis=1)
    return X, df[target].astype(float)
