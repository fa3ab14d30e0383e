import pandas as pd
import torch
from sklearn.model_selection import train_test_split
from torch.utils.data import Dataset


class CommentDataset(Dataset):
    """Pre-tokenises everything up front; jigsaw comments fit in memory fine at max_len 192."""

    def __init__(self, texts, labels, tokenizer, max_len: int):
        self.enc = tokenizer(
            list(texts),
            truncation=True,
            max_length=max_len,
            padding="max_length",
            return_tensors="pt",
        )
        self.labels = torch.tensor(list(labels), dtype=torch.long)

    def __len__(self):
        return len(self.labels)

    def __getitem__(self, idx):
        item = {k: v[idx] for k, v in self.enc.items()}
        item["labels"] = self.labels[idx]
        return item


def load_splits(path: str, val_size: float, test_size: float, seed: int):
    df = pd.read_csv(path, usecols=["id", "comment_text", "toxic"])
    df["comment_text"] = df["comment_text"].str.replace(r"\s+", " ", regex=True).str.strip()
    df = df[df["comment_text"].str.len() > 0]

    train_df, test_df = train_test_split(df, test_size=test_size, stratify=df["toxic"], random_state=seed)
    train_df, val_df = train_test_split(
        train_df, test_size=val_size / (1 - test_size), stratify=train_df["toxic"], random_state=seed
    )
    return train_df, val_df, test_df
