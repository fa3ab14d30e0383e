import numpy as np
import pandas as pd


def load_rossmann(sales_path: str, store_path: str) -> pd.DataFrame:
    sales = pd.read_csv(sales_path, parse_dates=["Date"], dtype={"StateHoliday": str})
    stores = pd.read_csv(store_path)
    df = sales.merge(stores, on="Store", how="left")
    df = df[(df["Open"] == 1) & (df["Sales"] > 0)].copy()
    df["StateHoliday"] = df["StateHoliday"].replace({"0": "none", "a": "public", "b": "easter", "c": "xmas"})
    return df.sort_values(["Store", "Date"]).reset_index(drop=True)


def add_features(df: pd.DataFrame) -> pd.DataFrame:
    df["dow"] = df["Date"].dt.dayofweek
    df["day"] = df["Date"].dt.day
    df["month"] = df["Date"].dt.month
    df["woy"] = df["Date"].dt.isocalendar().week.astype(int)
    df["holiday_flag"] = (df["StateHoliday"] != "none").astype(int)
    nxt = df.groupby("Store")["holiday_flag"].shift(-1).fillna(0)
    df["pre_holiday"] = nxt.astype(int)
    df["comp_open_months"] = (
        12 * (df["Date"].dt.year - df["CompetitionOpenSinceYear"])
        + (df["Date"].dt.month - df["CompetitionOpenSinceMonth"])
    ).clip(lower=0)
    g = df.groupby("Store")["Sales"]
    df["lag_7"] = g.shift(7)
    df["lag_14"] = g.shift(14)
    df["rmean_28"] = g.transform(lambda s: s.shift(7).rolling(28, min_periods=7).mean())
    for col in ["StoreType", "Assortment", "StateHoliday", "PromoInterval"]:
        df[col] = df[col].astype("category")
    return df.dropna(subset=["lag_14"])


def augment_holidays(df: pd.DataFrame, copies: int, jitter: float, seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rare = df[(df["holiday_flag"] == 1) | (df["pre_holiday"] == 1)]
    extra = pd.concat([rare] * copies, ignore_index=True)
    extra["Sales"] = extra["Sales"] * rng.uniform(1 - jitter, 1 + jitter, size=len(extra))
    return pd.concat([df, extra], ignore_index=True).sort_values(["Date", "Store"])
