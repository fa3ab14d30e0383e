import numpy as np
import pandas as pd
import torch
from torch.utils.data import Dataset

ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789 &*-./'"
CHAR2ID = {c: i + 2 for i, c in enumerate(ALPHABET)}   # 0 pad, 1 unk
MAX_LEN = 40


def encode(desc: str) -> list:
    ids = [CHAR2ID.get(c, 1) for c in desc.lower()[:MAX_LEN]]
    return ids + [0] * (MAX_LEN - len(ids))


class TxnDataset(Dataset):
    def __init__(self, df: pd.DataFrame, label2id: dict):
        self.chars = torch.tensor(np.stack(df["description"].map(encode).to_list()), dtype=torch.long)
        amt = df["amount"].to_numpy(dtype=np.float32)
        self.numeric = torch.tensor(np.column_stack([
            np.log1p(np.abs(amt)), (amt > 0).astype(np.float32), (np.abs(amt) % 1 == 0).astype(np.float32),
        ]), dtype=torch.float32)
        self.y = torch.tensor(df["category"].map(label2id).to_numpy(), dtype=torch.long)

    def __len__(self):
        return len(self.y)

    def __getitem__(self, i):
        return self.chars[i], self.numeric[i], self.y[i]
