"""Feature matrix helpers for the wire-transfer autoencoder."""
import numpy as np
import pandas as pd
from sklearn.preprocessing import RobustScaler


def add_derived(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    df["log_amount"] = np.log1p(df["amount"])
    df["hour"] = df["created_at"].dt.hour
    df["beneficiary_is_new"] = (df["beneficiary_age_days"] < 2).astype(int)
    return df


def fit_scaler(frames, cols):
    """One robust scaler shared by every split so reconstruction errors are comparable."""
    stacked = pd.concat([f[cols] for f in frames], ignore_index=True)
    scaler = RobustScaler(quantile_range=(5.0, 95.0))
    scaler.fit(stacked.to_numpy(dtype=np.float64))
    return scaler


def to_matrix(scaler, df: pd.DataFrame, cols) -> np.ndarray:
    x = scaler.transform(df[cols].to_numpy(dtype=np.float64))
    return np.clip(x, -10, 10).astype(np.float32)
