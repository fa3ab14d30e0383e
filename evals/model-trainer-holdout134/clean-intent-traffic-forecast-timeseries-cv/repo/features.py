import pandas as pd


def hourly_counts(events: pd.DataFrame, intents, freq="1h") -> pd.DataFrame:
    events = events[events["intent"].isin(intents)]
    wide = (events.set_index("ts")
            .groupby("intent")
            .resample(freq)
            .size()
            .unstack(level=0, fill_value=0)
            .asfreq(freq, fill_value=0))
    return wide.reindex(columns=intents, fill_value=0)


def make_supervised(wide: pd.DataFrame, lags, windows) -> pd.DataFrame:
    """Long table: one row per (hour, intent) with past-only features and next-hour target."""
    frames = []
    for intent in wide.columns:
        s = wide[intent]
        f = pd.DataFrame({"y": s.shift(-1)}, index=wide.index)
        f["current"] = s
        for lag in lags:
            f[f"lag_{lag}"] = s.shift(lag)
        for w in windows:
            f[f"roll_mean_{w}"] = s.rolling(w).mean()
        f["hour"] = wide.index.hour
        f["dow"] = wide.index.dayofweek
        f["intent"] = intent
        frames.append(f)
    out = pd.concat(frames).dropna()
    out["intent"] = out["intent"].astype("category")
    return out.sort_index(kind="stable")
