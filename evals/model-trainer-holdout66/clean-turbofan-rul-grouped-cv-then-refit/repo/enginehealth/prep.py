import numpy as np
import pandas as pd

COLS = ["unit", "cycle", "alt", "mach", "tra"] + [f"s{i}" for i in range(1, 22)]
SENSORS = [f"s{i}" for i in (2, 3, 4, 7, 8, 9, 11, 12, 13, 14, 15, 17, 20, 21)]


def load_engines(path, rul_cap):
    df = pd.read_csv(path, sep=r"\s+", header=None).iloc[:, : len(COLS)]
    df.columns = COLS
    df["rul"] = (df.groupby("unit")["cycle"].transform("max") - df["cycle"]).clip(upper=rul_cap)
    return df


def add_regime(df, decimals=0):
    """FD002 runs in six flight regimes; label them by rounding the operating settings."""
    key = df[["alt", "mach", "tra"]].round(decimals).astype(str).agg("_".join, axis=1)
    df = df.copy()
    df["regime"] = pd.factorize(key)[0]
    return df


def add_trend_features(df, window=10):
    df = df.sort_values(["unit", "cycle"]).copy()
    g = df.groupby("unit")
    for s in SENSORS:
        df[f"{s}_ewm"] = g[s].transform(lambda x: x.ewm(span=window, adjust=False).mean())
        df[f"{s}_diff"] = g[s].diff().fillna(0.0)
    df["log_cycle"] = np.log1p(df["cycle"])
    return df
