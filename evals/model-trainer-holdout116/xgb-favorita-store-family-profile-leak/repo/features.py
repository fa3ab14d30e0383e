"""Feature builders for the Favorita store x family sales model."""
import numpy as np
import pandas as pd


def add_calendar(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    df["dow"] = df["date"].dt.dayofweek
    df["dom"] = df["date"].dt.day
    df["month"] = df["date"].dt.month
    df["payday"] = ((df["dom"] == 15) | df["date"].dt.is_month_end).astype(int)
    return df


def add_holidays(df: pd.DataFrame, holidays: pd.DataFrame) -> pd.DataFrame:
    nat = holidays[(holidays["locale"] == "National") & (~holidays["transferred"])]
    nat_days = set(nat["date"])
    df = df.copy()
    df["is_national_holiday"] = df["date"].isin(nat_days).astype(int)
    return df


def add_oil(df: pd.DataFrame, oil: pd.DataFrame) -> pd.DataFrame:
    oil = oil.set_index("date").asfreq("D")
    oil["dcoilwtico"] = oil["dcoilwtico"].ffill()
    return df.merge(oil.reset_index(), on="date", how="left")


def add_store_family_profile(df: pd.DataFrame) -> pd.DataFrame:
    # level/volatility of each series, helps the trees separate small and large series
    prof = (
        df.groupby(["store_nbr", "family"])["sales"]
        .agg(sf_mean="mean", sf_std="std", sf_zero_share=lambda s: (s == 0).mean())
        .reset_index()
    )
    return df.merge(prof, on=["store_nbr", "family"], how="left")


def add_lags(df: pd.DataFrame, lags=(16, 21, 28, 364)) -> pd.DataFrame:
    df = df.sort_values(["store_nbr", "family", "date"]).copy()
    g = df.groupby(["store_nbr", "family"])["sales"]
    for lag in lags:
        df[f"lag_{lag}"] = g.shift(lag)
    df["roll_28_mean"] = g.transform(lambda s: s.shift(16).rolling(28).mean())
    return df


def build_features(df, oil, holidays):
    df = add_calendar(df)
    df = add_holidays(df, holidays)
    df = add_oil(df, oil)
    df = add_store_family_profile(df)
    df = add_lags(df)
    df["family"] = df["family"].astype("category").cat.codes
    df["log_promo"] = np.log1p(df["onpromotion"])
    return df
