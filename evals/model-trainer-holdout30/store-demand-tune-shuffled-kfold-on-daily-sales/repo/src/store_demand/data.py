"""Daily store x item unit sales."""
from __future__ import annotations

import pandas as pd


def load_sales(path: str) -> pd.DataFrame:
    df = pd.read_parquet(path, columns=["date", "store_id", "item_id", "units", "price", "on_promo"])
    df["date"] = pd.to_datetime(df["date"])
    return df
