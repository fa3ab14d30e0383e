"""Loading and grouping of graded search relevance judgments."""
import numpy as np
import pandas as pd
from sklearn.model_selection import GroupShuffleSplit

FEATURES = [
    "bm25_title", "bm25_description", "title_match_ratio", "category_match",
    "price_log", "rating_avg", "rating_count_log", "ctr_30d", "add_to_cart_rate_30d",
    "in_stock", "days_since_listed", "brand_query_match",
]


def load_judgments(path: str, query_col: str) -> pd.DataFrame:
    df = pd.read_parquet(path)
    # LightGBM ranking needs rows of the same query to be contiguous
    return df.sort_values([query_col, "position"]).reset_index(drop=True)


def split_by_query(df: pd.DataFrame, query_col: str, test_fraction: float, seed: int):
    gss = GroupShuffleSplit(n_splits=1, test_size=test_fraction, random_state=seed)
    train_idx, test_idx = next(gss.split(df, groups=df[query_col]))
    return df.iloc[train_idx].reset_index(drop=True), df.iloc[test_idx].reset_index(drop=True)


def group_sizes(df: pd.DataFrame, query_col: str) -> np.ndarray:
    return df.groupby(query_col, sort=False).size().to_numpy()
