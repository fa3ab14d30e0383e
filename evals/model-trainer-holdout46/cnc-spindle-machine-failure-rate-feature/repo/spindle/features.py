"""Daily feature table for CNC spindle failure prediction."""
import pandas as pd

SIGNALS = ["spindle_load", "vib_rms", "vib_kurtosis", "bearing_temp", "coolant_temp"]


def rolling_signal_features(df: pd.DataFrame, windows=(3, 7, 14)) -> pd.DataFrame:
    df = df.sort_values(["machine_id", "date"]).copy()
    g = df.groupby("machine_id")
    for w in windows:
        for s in SIGNALS:
            df[f"{s}_mean_{w}d"] = g[s].transform(lambda x: x.rolling(w, min_periods=1).mean())
            df[f"{s}_std_{w}d"] = g[s].transform(lambda x: x.rolling(w, min_periods=2).std())
    for s in SIGNALS:
        df[f"{s}_trend_7d"] = df[f"{s}_mean_3d"] - df[f"{s}_mean_14d"]
    return df


def add_machine_history(df: pd.DataFrame, label: str) -> pd.DataFrame:
    df = df.copy()
    g = df.groupby("machine_id")
    df["runtime_cum_h"] = g["runtime_h"].cumsum()
    df["days_in_service"] = (df["date"] - g["date"].transform("min")).dt.days
    df["machine_fail_rate"] = g[label].transform("mean")
    return df
