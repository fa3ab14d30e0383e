import pandas as pd
import torch
from torch.utils.data import Dataset

ASSERTION_LABELS = ["present", "absent", "possible"]


def mark_entity(sentence: str, start: int, end: int) -> str:
    """Wrap the finding mention so the encoder knows which span the assertion is about."""
    return f"{sentence[:start]}[E] {sentence[start:end]} [/E]{sentence[end:]}"


class AssertionDataset(Dataset):
    def __init__(self, frame: pd.DataFrame, tokenizer, max_length: int = 128):
        texts = [mark_entity(s, a, b) for s, a, b in zip(frame["sentence"], frame["span_start"], frame["span_end"])]
        self.enc = tokenizer(texts, truncation=True, max_length=max_length, padding="max_length", return_tensors="pt")
        self.labels = torch.tensor(frame["assertion"].map(ASSERTION_LABELS.index).values, dtype=torch.long)

    def __len__(self):
        return len(self.labels)

    def __getitem__(self, i):
        item = {k: v[i] for k, v in self.enc.items()}
        item["labels"] = self.labels[i]
        return item
