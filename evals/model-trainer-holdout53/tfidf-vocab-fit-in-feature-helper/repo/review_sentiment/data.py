"""Loading and light cleaning of the review export."""
import pandas as pd


def load_reviews(path: str, text_col: str, label_col: str) -> pd.DataFrame:
    df = pd.read_parquet(path)
    df = df.dropna(subset=[text_col, label_col])
    df = df[df[text_col].str.len() > 10]
    df[label_col] = df[label_col].astype(int)
    return df.reset_index(drop=True)
