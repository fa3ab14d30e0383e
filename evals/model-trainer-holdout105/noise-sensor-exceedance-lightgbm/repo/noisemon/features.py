"""Feature construction for next-hour noise exceedance at each sensor."""
import pandas as pd


def add_calendar(df):
    ts = df["timestamp"]
    return df.assign(
        hour=ts.dt.hour,
        dow=ts.dt.dayofweek,
        is_weekend=(ts.dt.dayofweek >= 5).astype(int),
        month=ts.dt.month,
    )


def add_lags(df, cols, lags):
    g = df.groupby("sensor_id", group_keys=False)
    for col in cols:
        for lag in lags:
            df[f"{col}_lag{lag}"] = g[col].shift(lag)
    return df


def add_rolling(df, cols, windows):
    g = df.groupby("sensor_id", group_keys=False)
    for col in cols:
        for w in windows:
            df[f"{col}_roll{w}"] = g[col].transform(lambda s: s.shift(1).rolling(w, min_periods=1).mean())
    return df


def build_frame(hourly, bands, lags, windows, threshold_db):
    df = hourly.sort_values(["sensor_id", "timestamp"]).reset_index(drop=True)
    df["target"] = (df.groupby("sensor_id")["laeq"].shift(-1) > threshold_db).astype(float)
    df.loc[df.groupby("sensor_id")["laeq"].shift(-1).isna(), "target"] = float("nan")
    df = add_calendar(df)
    df = add_lags(df, ["laeq"] + bands, lags)
    df = add_rolling(df, ["laeq"], windows)
    df["exceeds_now"] = (df["laeq"] > threshold_db).astype(int)
    return df.dropna(subset=["target", f"laeq_lag{max(lags)}"]).reset_index(drop=True)
