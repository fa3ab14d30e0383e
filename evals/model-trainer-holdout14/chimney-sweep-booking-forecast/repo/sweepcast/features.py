import pandas as pd


def add_calendar(df: pd.DataFrame, date_col: str) -> pd.DataFrame:
    d = df[date_col]
    df["dow"] = d.dt.dayofweek
    df["month"] = d.dt.month
    df["is_heating_season"] = d.dt.month.isin([10, 11, 12, 1, 2, 3]).astype(int)
    df["days_to_bonfire_night"] = (pd.to_datetime(d.dt.year.astype(str) + "-11-05") - d).dt.days.clip(-60, 60)
    return df


def add_lags(df: pd.DataFrame, target: str, lags, windows) -> pd.DataFrame:
    df = df.sort_values("day").reset_index(drop=True)
    for k in lags:
        df[f"lag_{k}"] = df[target].shift(k)
    for w in windows:
        df[f"roll_mean_{w}"] = df[target].shift(1).rolling(w).mean()
    return df.dropna().reset_index(drop=True)
