import pandas as pd
import torch
from torch.utils.data import Dataset


class TicketDataset(Dataset):
    def __init__(self, csv_path, tokenizer, label2id, max_length=256):
        df = pd.read_csv(csv_path)
        df = df.dropna(subset=["body", "queue"])
        self.texts = (df["subject"].fillna("") + " . " + df["body"]).tolist()
        self.labels = [label2id[q] for q in df["queue"]]
        self.tokenizer = tokenizer
        self.max_length = max_length

    def __len__(self):
        return len(self.texts)

    def __getitem__(self, idx):
        enc = self.tokenizer(
            self.texts[idx],
            truncation=True,
            max_length=self.max_length,
            padding="max_length",
            return_tensors="pt",
        )
        item = {k: v.squeeze(0) for k, v in enc.items()}
        item["labels"] = torch.tensor(self.labels[idx], dtype=torch.long)
        return item
