import numpy as np
import pandas as pd


def load_energy(path):
    df = pd.read_csv(path, parse_dates=["date"]).set_index("date").sort_index()
    # rv1/rv2 are random noise columns added by the dataset authors
    return df.drop(columns=["rv1", "rv2"])


def add_calendar(df):
    out = df.copy()
    out["hour"] = out.index.hour
    out["minute_of_day"] = out.index.hour * 60 + out.index.minute
    out["dow"] = out.index.dayofweek
    out["weekend"] = (out["dow"] >= 5).astype(int)
    out["hour_sin"] = np.sin(2 * np.pi * out["minute_of_day"] / 1440)
    out["hour_cos"] = np.cos(2 * np.pi * out["minute_of_day"] / 1440)
    return out


def add_lags(df, target, lags, windows):
    out = df.copy()
    for lag in lags:
        out[f"{target}_lag{lag}"] = out[target].shift(lag)
    for w in windows:
        out[f"{target}_roll{w}"] = out[target].shift(1).rolling(w).mean()
    return out.dropna()
