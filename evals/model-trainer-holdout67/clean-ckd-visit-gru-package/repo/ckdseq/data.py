"""Irregularly spaced outpatient CKD visits -> padded tensors."""
import numpy as np
import pandas as pd
import torch
from torch.utils.data import Dataset

LABS = ["egfr", "uacr_log", "potassium", "bicarbonate", "hemoglobin", "phosphate", "pth_log", "albumin"]
VITALS = ["sbp", "dbp", "weight_kg"]
CHANNELS = LABS + VITALS


def build_sequences(visits: pd.DataFrame, max_visits: int):
    visits = visits.sort_values(["patient_id", "visit_date"])
    visits["gap_days"] = visits.groupby("patient_id")["visit_date"].diff().dt.days.fillna(0)
    seqs = {}
    for pid, g in visits.groupby("patient_id"):
        g = g.tail(max_visits)
        seqs[pid] = (g[CHANNELS].to_numpy(np.float32), g["gap_days"].to_numpy(np.float32))
    return seqs


class VisitDataset(Dataset):
    def __init__(self, seqs, pids, labels, mean, std):
        self.items = []
        for pid, y in zip(pids, labels):
            vals, gaps = seqs[pid]
            observed = ~np.isnan(vals)
            filled = pd.DataFrame(vals).ffill().to_numpy()
            filled = np.where(np.isnan(filled), mean, filled)
            x = np.concatenate([(filled - mean) / std, observed, np.log1p(gaps)[:, None]], axis=1)
            self.items.append((torch.tensor(x, dtype=torch.float32), float(y)))

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]


def pad_collate(batch):
    xs, ys = zip(*batch)
    lengths = torch.tensor([len(x) for x in xs])
    padded = torch.nn.utils.rnn.pad_sequence(xs, batch_first=True)
    return padded, lengths, torch.tensor(ys)
