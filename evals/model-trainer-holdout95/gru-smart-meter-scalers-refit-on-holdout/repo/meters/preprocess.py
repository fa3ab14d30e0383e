import numpy as np
import pandas as pd
from sklearn.preprocessing import StandardScaler


def load_readings(path: str) -> pd.DataFrame:
    df = pd.read_parquet(path, columns=["meter_id", "ts", "kwh"])
    df = df.sort_values(["meter_id", "ts"]).reset_index(drop=True)
    # negative reads are export from PV on a handful of meters; clip to consumption only
    df["kwh"] = df["kwh"].clip(lower=0.0)
    return df


def split_by_time(df: pd.DataFrame, val_start: str, test_start: str):
    train = df[df["ts"] < val_start]
    val = df[(df["ts"] >= val_start) & (df["ts"] < test_start)]
    test = df[df["ts"] >= test_start]
    return train.copy(), val.copy(), test.copy()


def normalise_per_meter(df: pd.DataFrame, value_col: str = "kwh"):
    """Z-score every meter's series independently; returns the scaled frame and one scaler per meter."""
    out = df.copy()
    scalers = {}
    for meter_id, grp in df.groupby("meter_id"):
        scaler = StandardScaler()
        out.loc[grp.index, value_col] = scaler.fit_transform(grp[[value_col]]).ravel()
        scalers[meter_id] = scaler
    return out, scalers


def add_time_features(df: pd.DataFrame) -> pd.DataFrame:
    slot = df["ts"].dt.hour * 2 + df["ts"].dt.minute // 30
    df["slot_sin"] = np.sin(2 * np.pi * slot / 48)
    df["slot_cos"] = np.cos(2 * np.pi * slot / 48)
    df["weekend"] = (df["ts"].dt.dayofweek >= 5).astype(np.float32)
    return df
