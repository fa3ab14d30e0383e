import json

import torch
from torch.utils.data import Dataset


def read_jsonl(path):
    with open(path, encoding="utf-8") as fh:
        return [json.loads(l) for l in fh if l.strip()]


class ClauseDataset(Dataset):
    """One item per clause: {"contract_id", "clause_text", "label"}."""

    def __init__(self, path, tokenizer, label2id, max_length=256):
        self.rows = read_jsonl(path)
        self.tok = tokenizer
        self.label2id = label2id
        self.max_length = max_length

    def __len__(self):
        return len(self.rows)

    def __getitem__(self, i):
        row = self.rows[i]
        enc = self.tok(row["clause_text"], truncation=True, max_length=self.max_length,
                       padding="max_length", return_tensors="pt")
        item = {k: v.squeeze(0) for k, v in enc.items()}
        item["labels"] = torch.tensor(self.label2id[row["label"]], dtype=torch.long)
        return item
