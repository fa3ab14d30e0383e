"""Feature engineering for the order-line returns model."""
import numpy as np
import pandas as pd

CATEGORICAL = ["product_category", "brand", "size_label", "payment_method", "shipping_country"]
RATE_COLS = ["product_category", "brand", "sku_parent"]


def add_order_features(lines: pd.DataFrame) -> pd.DataFrame:
    df = lines.copy()
    df["order_date"] = pd.to_datetime(df["order_date"])
    df["order_dow"] = df["order_date"].dt.dayofweek
    df["order_month"] = df["order_date"].dt.month
    df["discount_pct"] = (df["list_price"] - df["paid_price"]) / df["list_price"].clip(lower=0.01)
    df["log_paid_price"] = np.log1p(df["paid_price"])
    df["items_in_basket"] = df.groupby("order_id")["line_id"].transform("count")
    # bracketing: same parent SKU ordered in more than one size
    df["multi_size_basket"] = (
        df.groupby(["order_id", "sku_parent"])["size_label"].transform("nunique") > 1
    ).astype(int)
    df["is_first_order"] = (df["customer_order_seq"] == 1).astype(int)
    return df


def add_return_rate_features(df: pd.DataFrame, target: str = "is_returned", smoothing: float = 20.0) -> pd.DataFrame:
    """Smoothed historical return rate per category / brand / parent SKU."""
    prior = df[target].mean()
    for col in RATE_COLS:
        stats = df.groupby(col)[target].agg(["sum", "count"])
        rate = (stats["sum"] + smoothing * prior) / (stats["count"] + smoothing)
        df[f"{col}_return_rate"] = df[col].map(rate).fillna(prior)
    return df


def encode_categoricals(df: pd.DataFrame) -> pd.DataFrame:
    for col in CATEGORICAL:
        df[col] = df[col].astype("category")
    return df
