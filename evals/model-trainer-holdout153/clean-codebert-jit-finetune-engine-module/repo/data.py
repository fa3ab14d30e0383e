import json

import torch
from torch.utils.data import Dataset


class ChangeDataset(Dataset):
    """One commit per line: {"commit_id", "msg", "added", "removed", "label"}.

    The train/valid/test files are the chronological splits shipped with JIT-Defects4J.
    """

    def __init__(self, path, tokenizer, max_len=512):
        with open(path) as fh:
            self.rows = [json.loads(l) for l in fh]
        self.tok = tokenizer
        self.max_len = max_len

    def __len__(self):
        return len(self.rows)

    def __getitem__(self, i):
        r = self.rows[i]
        code = " ".join(["[ADD] " + l for l in r["added"]] + ["[DEL] " + l for l in r["removed"]])
        enc = self.tok(r["msg"], code, truncation="only_second", max_length=self.max_len,
                       padding="max_length", return_tensors="pt")
        item = {k: v.squeeze(0) for k, v in enc.items()}
        item["labels"] = torch.tensor(r["label"], dtype=torch.long)
        return item
