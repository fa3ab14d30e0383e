import numpy as np
import pandas as pd


def load_stores(path: str) -> pd.DataFrame:
    df = pd.read_parquet(path)
    df["ts"] = pd.to_datetime(df["ts"])
    df = df.sort_values(["store_id", "ts"])
    full = []
    for store, g in df.groupby("store_id"):
        g = g.set_index("ts").asfreq("1h")
        g["store_id"] = store
        g["refrig_kw"] = g["refrig_kw"].interpolate(limit=4)
        g["t_out"] = g["t_out"].interpolate(limit=6)
        full.append(g.reset_index())
    df = pd.concat(full, ignore_index=True).dropna(subset=["refrig_kw", "t_out"])
    df["time_idx"] = ((df["ts"] - df["ts"].min()) / pd.Timedelta("1h")).astype(int)
    df["hour"] = df["ts"].dt.hour.astype(str)
    df["dow"] = df["ts"].dt.dayofweek.astype(str)
    df["store_open"] = df["store_open"].astype(str)
    df["log_kw"] = np.log1p(df["refrig_kw"])
    return df


def cutoffs(df: pd.DataFrame, val_days: int, test_days: int):
    last = df["time_idx"].max()
    test_start = last - test_days * 24 + 1
    val_start = test_start - val_days * 24
    return val_start, test_start
