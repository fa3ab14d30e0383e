from __future__ import annotations

import pandas as pd
from sklearn.model_selection import train_test_split


def load_applications(path: str, target: str) -> pd.DataFrame:
    df = pd.read_parquet(path)
    df = df[df[target].notna()].copy()
    df[target] = df[target].astype(int)
    return df


def split_frame(df: pd.DataFrame, target: str, test_size: float, seed: int):
    train_df, test_df = train_test_split(
        df, test_size=test_size, stratify=df[target], random_state=seed
    )
    return train_df.reset_index(drop=True), test_df.reset_index(drop=True)
