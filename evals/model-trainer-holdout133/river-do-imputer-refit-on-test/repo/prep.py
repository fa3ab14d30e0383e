"""Cleaning helpers for the EA water-quality archive (river sondes + spot samples)."""
import numpy as np
import pandas as pd
from sklearn.experimental import enable_iterative_imputer  # noqa: F401
from sklearn.impute import IterativeImputer

DETERMINANDS = ["temp_water_c", "ph", "conductivity_us_cm", "turbidity_ntu",
                "ammonia_mg_l", "nitrate_mg_l", "orthophosphate_mg_l", "bod_mg_l"]

# instrument ranges from the sonde spec sheets; anything outside is a fault
VALID = {
    "temp_water_c": (-1, 35),
    "ph": (4, 11),
    "conductivity_us_cm": (10, 5000),
    "turbidity_ntu": (0, 1000),
}


def read_samples(path):
    df = pd.read_csv(path, parse_dates=["sample_datetime"])
    df = df.rename(columns=str.lower)
    # "<0.03" style censored results -> half the reporting limit
    for col in DETERMINANDS + ["do_mg_l"]:
        s = df[col].astype(str)
        below = s.str.startswith("<")
        df[col] = pd.to_numeric(s.str.lstrip("<"), errors="coerce")
        df.loc[below, col] = df.loc[below, col] / 2
    for col, (lo, hi) in VALID.items():
        df.loc[~df[col].between(lo, hi), col] = np.nan
    df["doy_sin"] = np.sin(2 * np.pi * df["sample_datetime"].dt.dayofyear / 365.25)
    df["doy_cos"] = np.cos(2 * np.pi * df["sample_datetime"].dt.dayofyear / 365.25)
    df["log_turb"] = np.log1p(df["turbidity_ntu"])
    return df.dropna(subset=["do_mg_l"])


def impute(frame, cols, seed=0):
    imp = IterativeImputer(max_iter=15, sample_posterior=False, random_state=seed)
    out = frame.copy()
    out[cols] = imp.fit_transform(frame[cols])
    return out
