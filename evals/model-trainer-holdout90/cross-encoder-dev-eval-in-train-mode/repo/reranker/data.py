import pandas as pd
import torch
from torch.utils.data import Dataset


class PairDataset(Dataset):
    """(query, passage, label) rows; label is 1 for the judged positive, 0 for a mined negative."""

    def __init__(self, path):
        self.df = pd.read_csv(path, sep="\t", names=["qid", "query", "pid", "passage", "label"],
                              quoting=3)

    def __len__(self):
        return len(self.df)

    def __getitem__(self, idx):
        row = self.df.iloc[idx]
        return row["query"], row["passage"], float(row["label"])


class CandidateDataset(Dataset):
    """Dev queries with their BM25 top-100 candidates; `bm25_rank` is 1-based."""

    def __init__(self, path):
        self.df = pd.read_csv(path, sep="\t",
                              names=["qid", "query", "pid", "passage", "bm25_rank", "label"],
                              quoting=3)

    def __len__(self):
        return len(self.df)

    def __getitem__(self, idx):
        row = self.df.iloc[idx]
        return row["query"], row["passage"], idx


def make_collate(tokenizer, max_length):
    def collate(batch):
        queries, passages, extra = zip(*batch)
        enc = tokenizer(list(queries), list(passages), truncation="only_second",
                        max_length=max_length, padding=True, return_tensors="pt")
        enc["extra"] = torch.tensor(extra)
        return enc
    return collate
