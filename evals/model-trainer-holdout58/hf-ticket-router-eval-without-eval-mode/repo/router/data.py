from __future__ import annotations

import pandas as pd
import torch
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader, Dataset


class TicketDataset(Dataset):
    def __init__(self, texts: list[str], labels: list[int], tokenizer, max_length: int) -> None:
        self.enc = tokenizer(texts, truncation=True, max_length=max_length, padding="max_length")
        self.labels = labels

    def __len__(self) -> int:
        return len(self.labels)

    def __getitem__(self, idx: int) -> dict[str, torch.Tensor]:
        item = {k: torch.tensor(v[idx]) for k, v in self.enc.items()}
        item["labels"] = torch.tensor(self.labels[idx])
        return item


def load_frames(cfg: dict) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, list[str]]:
    df = pd.read_csv(cfg["data_path"]).dropna(subset=[cfg["text_column"], cfg["label_column"]])
    classes = sorted(df[cfg["label_column"]].unique())
    df["label"] = df[cfg["label_column"]].map({c: i for i, c in enumerate(classes)})
    holdout = cfg["val_size"] + cfg["test_size"]
    train_df, rest = train_test_split(df, test_size=holdout, stratify=df["label"], random_state=cfg["seed"])
    val_df, test_df = train_test_split(
        rest, test_size=cfg["test_size"] / holdout, stratify=rest["label"], random_state=cfg["seed"]
    )
    return train_df, val_df, test_df, classes


def make_loader(frame: pd.DataFrame, tokenizer, cfg: dict, shuffle: bool) -> DataLoader:
    ds = TicketDataset(frame[cfg["text_column"]].tolist(), frame["label"].tolist(), tokenizer, cfg["max_length"])
    return DataLoader(ds, batch_size=cfg["batch_size"], shuffle=shuffle)
