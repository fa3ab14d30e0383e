import pandas as pd
from datasets import Dataset
from sklearn.model_selection import train_test_split


def load_tickets(path: str):
    df = pd.read_csv(path).dropna(subset=["subject", "body", "queue"])
    df["text"] = df["subject"].str.strip() + " \n " + df["body"].str.strip()
    labels = sorted(df["queue"].unique())
    df["label"] = df["queue"].map({q: i for i, q in enumerate(labels)})
    return df[["text", "label"]], labels


def three_way(df: pd.DataFrame, test: float, val: float, seed: int):
    rest, test_df = train_test_split(df, test_size=test, stratify=df["label"], random_state=seed)
    train_df, val_df = train_test_split(
        rest, test_size=val / (1 - test), stratify=rest["label"], random_state=seed
    )
    return train_df, val_df, test_df


def to_datasets(tokenizer, max_length: int, **frames):
    def tok(batch):
        return tokenizer(batch["text"], truncation=True, max_length=max_length)

    return {
        name: Dataset.from_pandas(frame.reset_index(drop=True)).map(tok, batched=True, remove_columns=["text"])
        for name, frame in frames.items()
    }
