import numpy as np
import pandas as pd

FEATS = [
    "bm25_title", "bm25_body", "title_cover", "query_len", "doc_len_log",
    "price_rank_in_query", "item_ctr_30d", "item_age_days", "brand_match", "category_match",
]


def build(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    out["doc_len_log"] = np.log1p(out["doc_len"])
    out["query_len"] = out["query"].str.split().str.len()
    out["price_rank_in_query"] = out.groupby("query_id")["price"].rank(pct=True)
    out["brand_match"] = (out["query_brand"] == out["item_brand"]).astype(int)
    out["category_match"] = (out["query_category"] == out["item_category"]).astype(int)
    return out
