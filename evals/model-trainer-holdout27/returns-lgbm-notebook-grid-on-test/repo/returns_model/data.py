import pandas as pd
from sklearn.model_selection import train_test_split

LABEL = "returned"
CAT_COLS = ["category", "brand_tier", "payment_type", "device", "country"]
NUM_COLS = [
    "price",
    "discount_pct",
    "items_in_basket",
    "customer_prior_orders",
    "customer_prior_return_rate",
    "days_since_last_order",
    "size_variants_in_basket",
]


def load_orders(path="data/order_lines.parquet") -> pd.DataFrame:
    df = pd.read_parquet(path)
    for c in CAT_COLS:
        df[c] = df[c].astype("category")
    return df


def split_orders(df, test_size=0.2, seed=0):
    return train_test_split(df, test_size=test_size, stratify=df[LABEL], random_state=seed)
