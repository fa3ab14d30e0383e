"""Enumeration-area–grouped splits and preprocessing for the proxy means test."""
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.model_selection import GroupShuffleSplit
from sklearn.preprocessing import OneHotEncoder, StandardScaler


def ea_split(df: pd.DataFrame, cluster: str, seed: int):
    """Hold out whole enumeration areas: 20% test, then 15% of the rest for validation."""
    outer = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=seed)
    dev_idx, test_idx = next(outer.split(df, groups=df[cluster]))
    dev, test = df.iloc[dev_idx], df.iloc[test_idx]
    inner = GroupShuffleSplit(n_splits=1, test_size=0.15, random_state=seed)
    tr_idx, va_idx = next(inner.split(dev, groups=dev[cluster]))
    return dev.iloc[tr_idx], dev.iloc[va_idx], test


def fit_preprocessor(train: pd.DataFrame, cfg: dict) -> ColumnTransformer:
    pre = ColumnTransformer([
        ("num", StandardScaler(), cfg["numeric"]),
        ("bin", "passthrough", cfg["binary"]),
        ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), cfg["categorical"]),
    ])
    return pre.fit(train)


def arrays(pre: ColumnTransformer, frame: pd.DataFrame, cfg: dict):
    X = pre.transform(frame).astype(np.float32)
    y = frame[cfg["target"]].to_numpy(np.float32)
    w = frame[cfg["weight"]].to_numpy(np.float32)
    return X, y, w
