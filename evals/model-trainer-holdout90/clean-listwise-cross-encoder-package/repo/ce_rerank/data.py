import json
import random

import pandas as pd
from torch.utils.data import DataLoader, Dataset


class GroupDataset(Dataset):
    """Each line: {"query": ..., "positive": ..., "negatives": [...]} with BM25-mined negatives."""

    def __init__(self, path, n_neg, seed):
        with open(path) as fh:
            self.rows = [json.loads(line) for line in fh]
        self.n_neg = n_neg
        self.rng = random.Random(seed)

    def __len__(self):
        return len(self.rows)

    def __getitem__(self, i):
        row = self.rows[i]
        negs = self.rng.sample(row["negatives"], min(self.n_neg, len(row["negatives"])))
        return row["query"], [row["positive"]] + negs


def group_collate(tokenizer, max_length):
    def collate(batch):
        queries, passages, sizes = [], [], []
        for query, docs in batch:
            queries += [query] * len(docs)
            passages += docs
            sizes.append(len(docs))
        enc = tokenizer(queries, passages, truncation="only_second", max_length=max_length,
                        padding=True, return_tensors="pt")
        return enc, sizes
    return collate


def candidate_frame(path):
    df = pd.read_parquet(path)
    return df.sort_values(["qid", "bm25_rank"]).reset_index(drop=True)


def candidate_loader(df, tokenizer, max_length, batch_size=128):
    pairs = list(zip(df["query"], df["passage"]))

    def collate(batch):
        q, p = zip(*batch)
        return tokenizer(list(q), list(p), truncation="only_second", max_length=max_length,
                         padding=True, return_tensors="pt")
    return DataLoader(pairs, batch_size=batch_size, shuffle=False, collate_fn=collate)
