"""Feature builders for the ZIP-level rent model (Zillow ZORI panel + macro series)."""
import pandas as pd

LAGS = (1, 2, 3, 6, 12)


def load_panel(path):
    df = pd.read_csv(path, parse_dates=["month"])
    df = df.rename(columns={"RegionName": "zip", "zori": "rent"})
    df["zip"] = df["zip"].astype(str).str.zfill(5)
    return df.sort_values(["zip", "month"]).reset_index(drop=True)


def add_lag_features(df, lags=LAGS):
    g = df.groupby("zip")["rent"]
    for k in lags:
        df[f"rent_lag_{k}"] = g.shift(k)
    df["rent_roll3"] = g.transform(lambda s: s.shift(1).rolling(3).mean())
    df["rent_yoy"] = df["rent_lag_1"] / df["rent_lag_12"] - 1
    df["rent_mom"] = df["rent_lag_1"] / df["rent_lag_2"] - 1
    df["month_of_year"] = df["month"].dt.month
    return df


def add_market_features(df, macro):
    # macro: monthly 30y mortgage rate, CPI shelter index and unemployment per metro
    df = df.merge(macro, on=["metro", "month"], how="left")
    df = df.sort_values(["zip", "month"])
    df["mortgage_rate_chg3"] = df.groupby("zip")["mortgage_rate"].diff(3)
    df["unemp_chg3"] = df.groupby("zip")["unemployment"].diff(3)
    return df.reset_index(drop=True)
