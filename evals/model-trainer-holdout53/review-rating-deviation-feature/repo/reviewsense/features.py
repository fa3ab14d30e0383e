"""Per-review meta features joined with the product catalogue."""
import numpy as np
import pandas as pd


def make_label(df: pd.DataFrame, source: str, positive_min: int) -> pd.Series:
    return (df[source] >= positive_min).astype(int)


def add_meta_features(reviews: pd.DataFrame, products: pd.DataFrame) -> pd.DataFrame:
    df = reviews.merge(products[["product_id", "product_category"]], on="product_id", how="left")
    df["review_body"] = df["review_body"].fillna("").str.strip()
    df["review_len"] = np.log1p(df["review_body"].str.split().str.len())
    df["n_exclamations"] = df["review_body"].str.count("!")
    grp = df.groupby("product_id")["star_rating"]
    df["product_review_count"] = grp.transform("size")
    df["rating_vs_product_mean"] = df["star_rating"] - grp.transform("mean")
    df["verified_purchase"] = df["verified_purchase"].map({"Y": "yes", "N": "no"}).fillna("unknown")
    df["product_category"] = df["product_category"].fillna("other")
    return df
