import numpy as np
import pandas as pd
from sklearn.preprocessing import StandardScaler

SIGNALS = ["wind_speed", "rotor_rpm", "gen_rpm", "active_power", "pitch_angle",
           "gearbox_oil_temp", "gearbox_bearing_temp", "gen_winding_temp", "nacelle_temp", "ambient_temp"]


def load(path: str) -> pd.DataFrame:
    df = pd.read_csv(path, parse_dates=["timestamp"]).set_index("timestamp").sort_index()
    df[SIGNALS] = df[SIGNALS].interpolate(limit=3)
    return df.dropna(subset=SIGNALS)


def chronological_parts(df: pd.DataFrame, train_end: str, val_end: str):
    train = df.loc[:train_end]
    val = df.loc[train_end:val_end].iloc[1:]
    test = df.loc[val_end:].iloc[1:]
    return train, val, test


def fit_scaler(train: pd.DataFrame) -> StandardScaler:
    """Scaler statistics come from normal-operation training records only."""
    normal = train[train["fault_flag"] == 0]
    return StandardScaler().fit(normal[SIGNALS])


def windows(part: pd.DataFrame, scaler: StandardScaler, length: int, stride: int):
    """Sliding windows built inside one part, so no window spans two parts."""
    z = scaler.transform(part[SIGNALS]).astype(np.float32)
    lab = part["fault_flag"].to_numpy()
    starts = np.arange(0, len(part) - length + 1, stride)
    X = np.stack([z[s:s + length] for s in starts])
    y = np.array([lab[s:s + length].max() for s in starts])
    return X, y
