import numpy as np
import pandas as pd


def load_segments(path: str, min_months: int) -> pd.DataFrame:
    df = pd.read_csv(path, usecols=["YEAR", "MONTH", "ORIGIN", "DEST", "CARRIER",
                                    "PASSENGERS", "SEATS", "DEPARTURES_PERFORMED"])
    df["route"] = df["ORIGIN"] + "-" + df["DEST"]
    df["period"] = pd.to_datetime(dict(year=df["YEAR"], month=df["MONTH"], day=1))
    monthly = (df.groupby(["route", "period"], as_index=False)
                 [["PASSENGERS", "SEATS", "DEPARTURES_PERFORMED"]].sum())
    counts = monthly.groupby("route")["period"].transform("count")
    return monthly[counts >= min_months].sort_values(["route", "period"]).reset_index(drop=True)


def add_lag_features(df: pd.DataFrame, lags, windows) -> pd.DataFrame:
    df = df.copy()
    df["log_pax"] = np.log1p(df["PASSENGERS"])
    g = df.groupby("route")["log_pax"]
    for lag in lags:
        df[f"lag_{lag}"] = g.shift(lag)
    for w in windows:
        df[f"roll_mean_{w}"] = g.transform(lambda s: s.shift(1).rolling(w).mean())
    df["seats_log"] = np.log1p(df["SEATS"])
    df["month"] = df["period"].dt.month
    df["load_factor_lag1"] = (df["PASSENGERS"] / df["SEATS"].replace(0, np.nan)).groupby(df["route"]).shift(1)
    return df.dropna().reset_index(drop=True)
