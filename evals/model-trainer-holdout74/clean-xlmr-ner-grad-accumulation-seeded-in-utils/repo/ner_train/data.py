import json

import torch
from torch.utils.data import Dataset


def read_jsonl(path):
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


class TokenClassificationDataset(Dataset):
    def __init__(self, rows, tokenizer, label2id, max_length):
        self.rows = rows
        self.features = []
        for row in rows:
            enc = tokenizer(row["tokens"], is_split_into_words=True, truncation=True, max_length=max_length)
            labels, prev = [], None
            for wid in enc.word_ids():
                labels.append(-100 if wid is None or wid == prev else label2id[row["tags"][wid]])
                prev = wid
            enc["labels"] = labels
            self.features.append(enc)

    def __len__(self):
        return len(self.features)

    def __getitem__(self, idx):
        return {k: torch.tensor(v) for k, v in self.features[idx].items()}
