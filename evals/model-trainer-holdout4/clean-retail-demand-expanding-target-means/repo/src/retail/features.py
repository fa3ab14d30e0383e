"""Feature builders for the daily store x item model.

Everything computed on the full frame here is *past-only* per series (shift before any
aggregation), so it can be built once before the date split. Statistics that look at a
whole period are fitted on the training period only (see fit_weekday_profile).
"""
import pandas as pd

KEYS = ["store", "item"]


def add_calendar(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    df["dow"] = df["date"].dt.dayofweek
    df["month"] = df["date"].dt.month
    df["dom"] = df["date"].dt.day
    df["is_payday"] = df["dom"].isin([1, 15]).astype(int)
    return df


def add_past_target_features(df: pd.DataFrame) -> pd.DataFrame:
    df = df.sort_values(KEYS + ["date"]).copy()
    g = df.groupby(KEYS)["units"]
    for lag in (1, 2, 7, 14, 28, 364):
        df[f"lag_{lag}"] = g.shift(lag)
    df["roll7"] = g.transform(lambda s: s.shift(1).rolling(7, min_periods=3).mean())
    df["roll28"] = g.transform(lambda s: s.shift(1).rolling(28, min_periods=7).mean())
    # series level = mean of all *previous* days of the same store/item
    df["level_to_date"] = g.transform(lambda s: s.shift(1).expanding(min_periods=28).mean())
    df["zero_share_28"] = g.transform(lambda s: s.shift(1).eq(0).rolling(28, min_periods=7).mean())
    return df


def fit_weekday_profile(train: pd.DataFrame) -> pd.DataFrame:
    """Store-level weekday multipliers estimated on the training period only."""
    by_dow = train.groupby(["store", "dow"])["units"].mean()
    by_store = train.groupby("store")["units"].mean()
    return (by_dow / by_store.reindex(by_dow.index.get_level_values(0)).to_numpy()).rename("dow_profile").reset_index()


def apply_weekday_profile(df: pd.DataFrame, profile: pd.DataFrame) -> pd.DataFrame:
    out = df.merge(profile, on=["store", "dow"], how="left")
    out["dow_profile"] = out["dow_profile"].fillna(1.0)
    return out
