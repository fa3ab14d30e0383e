"""Loading and text construction for the response-helpfulness classifier."""
import pandas as pd

LENGTH_EDGES = [0, 200, 800, float("inf")]
RATING_EDGES = [0, 2, 3, 5]


def load_ratings(path):
    df = pd.read_parquet(path)
    df = df.dropna(subset=["prompt", "response", "rating"])
    df = df[df["response"].str.strip().str.len() > 0]
    df = df.drop_duplicates(subset=["prompt", "response"])
    return df.reset_index(drop=True)


def add_tags(df):
    """Attach the same metadata tags the annotation dashboard shows next to each sample."""
    df = df.copy()
    df["len_bucket"] = pd.cut(df["response"].str.len(), LENGTH_EDGES, labels=["short", "medium", "long"]).astype(str)
    df["rating_bucket"] = pd.cut(df["rating"], RATING_EDGES, labels=["poor", "ok", "good"]).astype(str)
    df["tags"] = df[["source_model", "len_bucket", "rating_bucket"]].agg(" ".join, axis=1)
    return df


def build_input(row):
    return f"[{row['tags']}] PROMPT: {row['prompt']} RESPONSE: {row['response']}"


def make_labels(df, threshold=4):
    return (df["rating"] >= threshold).astype(int)
