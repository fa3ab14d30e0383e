import pandas as pd
import torch
from torch.utils.data import Dataset


class TicketDataset(Dataset):
    def __init__(self, texts, labels, tokenizer, max_length=256):
        self.enc = tokenizer(
            list(texts), truncation=True, max_length=max_length, padding=False
        )
        self.labels = list(labels)

    def __len__(self):
        return len(self.labels)

    def __getitem__(self, idx):
        item = {k: v[idx] for k, v in self.enc.items()}
        item["labels"] = self.labels[idx]
        return item


def load_tickets(path):
    df = pd.read_json(path, lines=True)
    df["text"] = df["title"].fillna("") + " [SEP] " + df["description"].fillna("")
    df = df[df["assigned_team"].notna()].reset_index(drop=True)
    teams = sorted(df["assigned_team"].unique())
    label2id = {t: i for i, t in enumerate(teams)}
    df["label"] = df["assigned_team"].map(label2id)
    return df, label2id


def class_weights(labels, n_classes):
    counts = torch.bincount(torch.tensor(labels), minlength=n_classes).float()
    return counts.sum() / (n_classes * counts.clamp(min=1))
