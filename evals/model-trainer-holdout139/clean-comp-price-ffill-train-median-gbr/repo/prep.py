"""Cleaning for the scraped competitor price feed joined to our weekly SKU sales."""
import numpy as np
import pandas as pd

KEYS = ["sku_id", "marketplace"]


def load_and_join(sales_path: str, comp_path: str) -> pd.DataFrame:
    sales = pd.read_csv(sales_path, parse_dates=["week_start"])
    comp = pd.read_csv(comp_path, parse_dates=["week_start"])
    comp = comp.groupby(["sku_id", "week_start"], as_index=False)["comp_price"].min()
    df = sales.merge(comp, on=["sku_id", "week_start"], how="left")
    return df.sort_values(KEYS + ["week_start"]).reset_index(drop=True)


def carry_forward_comp_price(df: pd.DataFrame, limit: int = 4) -> pd.DataFrame:
    # scraper misses weeks; last seen competitor price is what a shopper would have seen
    df["comp_price_missing"] = df["comp_price"].isna().astype(int)
    df["comp_price"] = df.groupby(KEYS)["comp_price"].ffill(limit=limit)
    return df


def add_features(df: pd.DataFrame) -> pd.DataFrame:
    df["log_price"] = np.log(df["our_price"])
    df["log_comp_gap"] = np.log(df["our_price"] / df["comp_price"])
    df["is_cheapest"] = (df["our_price"] <= df["comp_price"]).astype(int)
    df["buybox_share"] = df["buybox_share"].clip(0, 1)
    df["woy"] = df["week_start"].dt.isocalendar().week.astype(int)
    g = df.groupby(KEYS)["units_sold"]
    df["units_lag_1"] = g.shift(1)
    df["units_rmean_4"] = g.transform(lambda s: s.shift(1).rolling(4, min_periods=1).mean())
    return df


def fill_remaining(train: pd.DataFrame, other: pd.DataFrame, cols):
    fills = train[cols].median()
    return train.fillna(fills), other.fillna(fills)
