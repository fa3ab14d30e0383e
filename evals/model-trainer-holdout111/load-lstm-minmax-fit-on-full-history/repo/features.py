"""Data loading / feature helpers for the DOM zone load model."""
import holidays
import numpy as np
import pandas as pd
from sklearn.preprocessing import MinMaxScaler


def load_data(cfg):
    d = cfg["data"]
    load = pd.read_csv(d["path"], parse_dates=[d["timestamp_col"]])
    load = load.rename(columns={d["timestamp_col"]: "ts"}).set_index("ts").sort_index()
    wx = pd.read_csv(d["weather_path"], parse_dates=["ts"]).set_index("ts").sort_index()

    df = load[[d["target"]]].join(wx, how="inner")
    # EPT timestamps repeat one hour at the November DST change
    df = df[~df.index.duplicated(keep="first")]
    # short sensor gaps only; anything longer is dropped
    return df.asfreq("h").ffill(limit=3).dropna()


def add_calendar_features(df):
    years = range(df.index.year.min(), df.index.year.max() + 1)
    us_hol = pd.to_datetime(list(holidays.US(years=years).keys()))
    out = df.copy()
    out["hour"] = out.index.hour
    out["dayofweek"] = out.index.dayofweek
    out["month"] = out.index.month
    out["is_holiday"] = out.index.normalize().isin(us_hol).astype(int)
    return out


def scale_frame(df, cols):
    scaler = MinMaxScaler()
    scaled = df.copy()
    scaled[cols] = scaler.fit_transform(df[cols])
    return scaled, scaler


def make_windows(values, target_idx, lookback, horizon):
    X, y = [], []
    for i in range(lookback, len(values) - horizon + 1):
        X.append(values[i - lookback:i])
        y.append(values[i:i + horizon, target_idx])
    return np.asarray(X, dtype=np.float32), np.asarray(y, dtype=np.float32)
