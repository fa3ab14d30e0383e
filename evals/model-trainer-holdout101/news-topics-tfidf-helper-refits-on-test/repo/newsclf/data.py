"""Train/validation/test splits of the newsroom topic archive."""
import pandas as pd
from sklearn.model_selection import train_test_split

TOPICS = ["politics", "business", "sport", "tech", "culture", "science", "health"]


def load_splits(path, seed):
    df = pd.read_parquet(path)
    df = df[df["topic"].isin(TOPICS)].drop_duplicates(subset=["headline", "lede"])
    df["text"] = df["headline"] + ". " + df["lede"]
    df["label"] = df["topic"].map(TOPICS.index)
    train, test = train_test_split(df, test_size=0.15, stratify=df["label"], random_state=seed)
    train, val = train_test_split(train, test_size=0.15, stratify=train["label"], random_state=seed)
    return train.reset_index(drop=True), val.reset_index(drop=True), test.reset_index(drop=True)
