"""Account transaction sequences -> padded tensors (most recent MAX_LEN transactions per account)."""
import numpy as np
import pandas as pd
import torch
from torch.utils.data import Dataset

MAX_LEN = 200
CHANNELS = {"CASH_DEP": 1, "CASH_WDL": 2, "WIRE_IN": 3, "WIRE_OUT": 4, "ACH_IN": 5, "ACH_OUT": 6,
            "CARD": 7, "P2P_IN": 8, "P2P_OUT": 9}  # 0 = padding / unknown


def build_sequences(txns: pd.DataFrame):
    txns = txns.sort_values(["account_id", "txn_ts"])
    txns["log_amt"] = np.log1p(txns["amount"].abs())
    gap_h = txns.groupby("account_id")["txn_ts"].diff().dt.total_seconds().div(3600).fillna(0)
    txns["log_gap_h"] = np.log1p(gap_h)
    txns["ch"] = txns["channel"].map(CHANNELS).fillna(0).astype(int)
    seqs = {}
    for acct, g in txns.groupby("account_id"):
        g = g.tail(MAX_LEN)
        seqs[acct] = (g[["log_amt", "log_gap_h"]].values.astype(np.float32), g["ch"].values)
    return seqs


class SeqDataset(Dataset):
    def __init__(self, seqs, labels: pd.Series):
        self.ids = list(labels.index)
        self.seqs, self.labels = seqs, labels

    def __len__(self):
        return len(self.ids)

    def __getitem__(self, i):
        acct = self.ids[i]
        num, ch = self.seqs[acct]
        n = len(ch)
        x = np.zeros((MAX_LEN, 2), dtype=np.float32)
        c = np.zeros(MAX_LEN, dtype=np.int64)
        x[-n:], c[-n:] = num, ch
        return torch.from_numpy(x), torch.from_numpy(c), torch.tensor(n), torch.tensor(float(self.labels[acct]))
