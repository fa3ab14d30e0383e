"""Feature engineering for engine degradation signals."""
import pandas as pd
from sklearn.preprocessing import MinMaxScaler


def normalize_sensors(frame, columns, scaler=None):
    """Scale sensor channels to [0, 1]; returns the frame and the scaler used."""
    frame = frame.copy()
    if scaler is None:
        scaler = MinMaxScaler()
        frame[columns] = scaler.fit_transform(frame[columns])
    else:
        frame[columns] = scaler.transform(frame[columns])
    return frame, scaler


def add_rolling_features(frame, columns, windows):
    """Trailing rolling mean / std per unit, so each row only sees its own past."""
    grouped = frame.groupby("unit")[columns]
    parts = [frame]
    for w in windows:
        mean = grouped.rolling(w, min_periods=1).mean().reset_index(level=0, drop=True)
        std = grouped.rolling(w, min_periods=2).std().reset_index(level=0, drop=True)
        parts.append(mean.add_suffix(f"_mean{w}"))
        parts.append(std.fillna(0.0).add_suffix(f"_std{w}"))
    return pd.concat(parts, axis=1)


def feature_columns(frame, exclude=("unit", "cycle", "rul")):
    return [c for c in frame.columns if c not in exclude]
