import pandas as pd


def add_calendar(df: pd.DataFrame, date_col: str) -> pd.DataFrame:
    d = df[date_col]
    df["dow"] = d.dt.dayofweek
    df["month"] = d.dt.month
    df["is_school_holiday"] = df["is_school_holiday"].astype(int)
    return df


def add_lags(df: pd.DataFrame, target: str, lags, windows) -> pd.DataFrame:
    df = df.sort_values(["cave_id", "tour_date"]).copy()
    g = df.groupby("cave_id")[target]
    for k in lags:
        df[f"lag_{k}"] = g.shift(k)
    for w in windows:
        df[f"roll_mean_{w}"] = g.transform(lambda s: s.shift(1).rolling(w).mean())
    return df.dropna().reset_index(drop=True)
