import pandas as pd
import torch
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader, Dataset


def load_tickets(cfg: dict) -> tuple[pd.DataFrame, list[str]]:
    df = pd.read_csv(cfg["data_path"]).dropna(subset=[cfg["text_col"], cfg["label_col"]])
    labels = sorted(df[cfg["label_col"]].unique())
    df["label"] = df[cfg["label_col"]].map({name: i for i, name in enumerate(labels)})
    return df, labels


def three_way_split(df: pd.DataFrame, cfg: dict):
    rest, test = train_test_split(
        df, test_size=cfg["test_size"], stratify=df["label"], random_state=cfg["seed"]
    )
    val_frac = cfg["val_size"] / (1 - cfg["test_size"])
    train, val = train_test_split(
        rest, test_size=val_frac, stratify=rest["label"], random_state=cfg["seed"]
    )
    return train, val, test


class TicketDataset(Dataset):
    def __init__(self, frame: pd.DataFrame, tokenizer, text_col: str, max_length: int):
        self.enc = tokenizer(
            frame[text_col].tolist(), truncation=True, max_length=max_length, padding="max_length"
        )
        self.labels = frame["label"].tolist()

    def __len__(self) -> int:
        return len(self.labels)

    def __getitem__(self, i: int) -> dict:
        item = {k: torch.tensor(v[i]) for k, v in self.enc.items()}
        item["labels"] = torch.tensor(self.labels[i])
        return item


def make_loader(ds: Dataset, batch_size: int, shuffle: bool, seed: int) -> DataLoader:
    return DataLoader(ds, batch_size=batch_size, shuffle=shuffle,
                      generator=torch.Generator().manual_seed(seed))
