"""Loading and windowing for the C-MAPSS turbofan run-to-failure data (FD001)."""
import numpy as np
import pandas as pd
from sklearn.preprocessing import MinMaxScaler

INDEX_COLS = ["unit_nr", "time_cycles"]
SETTING_COLS = ["setting_1", "setting_2", "setting_3"]
SENSOR_COLS = [f"s_{i}" for i in range(1, 22)]
COLUMNS = INDEX_COLS + SETTING_COLS + SENSOR_COLS

# flat (or nearly flat) in FD001 -> no information about degradation
DROP_COLS = ["setting_3", "s_1", "s_5", "s_6", "s_10", "s_16", "s_18", "s_19"]


def read_cmapss(path):
    return pd.read_csv(path, sep=r"\s+", header=None, names=COLUMNS)


def add_rul(df, max_rul):
    # piecewise-linear target: constant early in life, linear decay afterwards
    last_cycle = df.groupby("unit_nr")["time_cycles"].transform("max")
    df["RUL"] = (last_cycle - df["time_cycles"]).clip(upper=max_rul)
    return df


def load_train(path, max_rul=125):
    df = read_cmapss(path)
    df = add_rul(df, max_rul)
    df = df.drop(columns=DROP_COLS)
    feature_cols = [c for c in df.columns if c not in INDEX_COLS + ["RUL"]]
    scaler = MinMaxScaler(feature_range=(-1, 1))
    df[feature_cols] = scaler.fit_transform(df[feature_cols])
    return df, feature_cols, scaler


def make_windows(df, feature_cols, window):
    """Every length-`window` slice of every engine, labelled with the RUL at its last cycle."""
    X, y = [], []
    for _, g in df.groupby("unit_nr"):
        values = g[feature_cols].to_numpy(dtype=np.float32)
        rul = g["RUL"].to_numpy(dtype=np.float32)
        for end in range(window, len(g) + 1):
            X.append(values[end - window:end])
            y.append(rul[end - 1])
    return np.stack(X), np.asarray(y)
