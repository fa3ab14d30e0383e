import numpy as np
import pandas as pd


def build(df, target, horizon, lags, rain_windows):
    """Features known at day t, target = discharge at day t + horizon."""
    out = pd.DataFrame(index=df.index)
    for k in lags:
        out[f"q_lag{k}"] = df[target].shift(k)
        out[f"q_up_lag{k}"] = df["q_upstream_m3s"].shift(k)
    for w in rain_windows:
        out[f"rain_{w}d"] = df["rain_basin_mm"].rolling(w, min_periods=w).sum()
    out["snow_we"] = df["swe_basin_mm"]
    out["snow_we_change_7d"] = df["swe_basin_mm"].diff(7)
    out["temp_7d"] = df["t2m_basin_c"].rolling(7).mean()
    out["q_trend_3d"] = df[target] - df[target].shift(3)
    doy = df.index.dayofyear
    out["doy_sin"] = np.sin(2 * np.pi * doy / 365.25)
    out["doy_cos"] = np.cos(2 * np.pi * doy / 365.25)
    out["y"] = df[target].shift(-horizon)
    return out.dropna()
