"""Feature builders for query-document pairs."""
import numpy as np
import pandas as pd

TEXT_FEATURES = [
    "bm25_title",
    "bm25_body",
    "tfidf_cosine",
    "title_len",
    "body_len",
    "query_len",
]


def add_text_match_features(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    out["query_len"] = out["query"].str.split().str.len()
    out["title_len"] = out["title"].fillna("").str.split().str.len()
    out["body_len"] = out["body_len_tokens"].clip(upper=5000)
    return out


def add_document_popularity(df: pd.DataFrame, min_impressions: int = 20) -> pd.DataFrame:
    """Attach per-document engagement statistics from the judgment log."""
    stats = (
        df.groupby("doc_id")
        .agg(
            doc_impressions=("query_id", "size"),
            doc_mean_label=("relevance", "mean"),
            doc_clicks=("clicked", "sum"),
        )
        .reset_index()
    )
    stats["doc_ctr"] = stats["doc_clicks"] / stats["doc_impressions"]
    sparse = stats["doc_impressions"] < min_impressions
    stats.loc[sparse, ["doc_mean_label", "doc_ctr"]] = np.nan
    return df.merge(stats, on="doc_id", how="left")


POPULARITY_FEATURES = ["doc_impressions", "doc_mean_label", "doc_ctr", "doc_clicks"]
