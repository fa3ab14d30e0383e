import numpy as np
import pandas as pd
from sklearn.preprocessing import StandardScaler

HEAVY_TAILED = ["hours_since_last_open", "hours_since_last_session", "sessions_30d", "avg_session_sec_7d"]


def clean(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    # users who never opened a push get NaN, treat as "long ago"
    df["hours_since_last_open"] = df["hours_since_last_open"].fillna(24 * 90)
    df["hours_since_last_session"] = df["hours_since_last_session"].fillna(24 * 90)
    for col in HEAVY_TAILED:
        df[col] = np.log1p(df[col].clip(lower=0))
    return df


def prepare(df: pd.DataFrame, cfg: dict, scaler: StandardScaler = None):
    """Returns (X, y, scaler). Pass the fitted scaler to reuse it."""
    df = clean(df)
    num = df[cfg["numeric_features"]].to_numpy(dtype="float32")
    if scaler is None:
        scaler = StandardScaler()
        num = scaler.fit_transform(num)
    else:
        num = scaler.transform(num)
    binary = df[cfg["binary_features"]].to_numpy(dtype="float32")
    X = np.hstack([num, binary]).astype("float32")
    y = df[cfg["label"]].to_numpy(dtype="float32")
    return X, y, scaler
