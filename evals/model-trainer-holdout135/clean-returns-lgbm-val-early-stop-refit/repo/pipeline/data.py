import numpy as np
import pandas as pd


def load_lines(cfg):
    df = pd.read_parquet(cfg["lines_path"])
    df["order_date"] = pd.to_datetime(df["order_date"])
    df["log_price"] = np.log1p(df["paid_price"])
    df["discount_pct"] = (1 - df["paid_price"] / df["list_price"]).clip(0, 1)
    df["is_first_order"] = (df["customer_orders_prior"] == 0).astype(int)
    for c in cfg["categorical"]:
        df[c] = df[c].astype("category")
    return df.sort_values("order_date").reset_index(drop=True)


def three_way_split(df, cfg):
    d = df["order_date"]
    v, t = pd.Timestamp(cfg["valid_start"]), pd.Timestamp(cfg["test_start"])
    return df[d < v], df[(d >= v) & (d < t)], df[d >= t]
