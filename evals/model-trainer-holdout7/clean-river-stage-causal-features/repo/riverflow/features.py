"""Causal features for 24-h-ahead river stage forecasting.

Every column at time t only uses observations at or before t (shift first, then roll), so these can be
computed once on the full hourly table before the chronological split without looking ahead.
"""
import pandas as pd

HORIZON_H = 24


def make_table(obs: pd.DataFrame) -> pd.DataFrame:
    obs = obs.sort_index()
    t = pd.DataFrame(index=obs.index)
    stage, rain = obs["stage_cm"], obs["rain_mm_upstream"]
    for lag in (0, 1, 2, 3, 6, 12, 24, 48):
        t[f"stage_lag{lag}"] = stage.shift(lag)
    for win in (6, 24, 72, 168):
        t[f"rain_sum_{win}h"] = rain.rolling(win, min_periods=win).sum()
    t["stage_delta_6h"] = stage - stage.shift(6)
    t["stage_max_72h"] = stage.rolling(72).max()
    t["soil_moisture"] = obs["soil_moisture_idx"]
    t["doy_sin"] = (2 * 3.14159 * obs.index.dayofyear / 365.25).map(__import__("math").sin)
    t["doy_cos"] = (2 * 3.14159 * obs.index.dayofyear / 365.25).map(__import__("math").cos)
    t["target"] = stage.shift(-HORIZON_H)
    return t.dropna()
