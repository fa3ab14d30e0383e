import numpy as np
import pandas as pd

COLS = ["unit_nr", "time_cycles", "setting_1", "setting_2", "setting_3"] + [f"s_{i}" for i in range(1, 22)]
SETTINGS = ["setting_1", "setting_2", "setting_3"]
SENSORS = [f"s_{i}" for i in (2, 3, 4, 7, 8, 9, 11, 12, 13, 14, 15, 17, 20, 21)]


def read(data_dir, subset):
    def rd(kind):
        return pd.read_csv(f"{data_dir}/{kind}_{subset}.txt", sep=r"\s+", header=None, names=COLS)
    test_rul = np.loadtxt(f"{data_dir}/RUL_{subset}.txt")
    return rd("train"), rd("test"), test_rul


def rul_target(df, cap):
    eol = df.groupby("unit_nr")["time_cycles"].transform("max")
    return (eol - df["time_cycles"]).clip(upper=cap)


def trailing_features(df, windows):
    """Per-engine trailing means/stds over the last w cycles."""
    df = df.sort_values(["unit_nr", "time_cycles"]).reset_index(drop=True)
    g = df.groupby("unit_nr")
    parts = [df]
    for w in windows:
        parts.append(g[SENSORS].rolling(w, min_periods=1).mean().reset_index(drop=True).add_suffix(f"_m{w}"))
        parts.append(g[SENSORS].rolling(w, min_periods=2).std().reset_index(drop=True).add_suffix(f"_sd{w}"))
    out = pd.concat(parts, axis=1)
    out["op_regime"] = df[SETTINGS].round({"setting_1": 0, "setting_2": 2, "setting_3": 0}).astype(str).agg("|".join, axis=1)
    return out


def feature_names(windows):
    names = SETTINGS + SENSORS + ["time_cycles", "op_regime"]
    for w in windows:
        names += [f"{s}_m{w}" for s in SENSORS] + [f"{s}_sd{w}" for s in SENSORS]
    return names
