import pandas as pd
import torch
from sklearn.model_selection import train_test_split
from torch.utils.data import Dataset


def load_splits(path, seed):
    """Stratified 70/15/15 split of de-duplicated sentences."""
    df = pd.read_csv(path).drop_duplicates("text").reset_index(drop=True)
    train, rest = train_test_split(df, test_size=0.3, stratify=df.label, random_state=seed)
    val, test = train_test_split(rest, test_size=0.5, stratify=rest.label, random_state=seed)
    return train.reset_index(drop=True), val.reset_index(drop=True), test.reset_index(drop=True)


class SentenceSet(Dataset):
    def __init__(self, frame, tokenizer, max_len):
        self.enc = tokenizer(list(frame.text), truncation=True, max_length=max_len)
        self.labels = frame.label.tolist()

    def __len__(self):
        return len(self.labels)

    def __getitem__(self, i):
        item = {k: torch.tensor(v[i]) for k, v in self.enc.items()}
        item["labels"] = torch.tensor(self.labels[i])
        return item
