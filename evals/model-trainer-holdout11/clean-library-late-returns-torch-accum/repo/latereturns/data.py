import numpy as np
import pandas as pd
import torch
from torch.utils.data import Dataset

NUM = ["loan_days", "patron_prior_loans", "patron_prior_late_rate", "item_pages", "holds_on_item",
       "renewals_allowed", "days_to_holiday"]


class LoanDataset(Dataset):
    def __init__(self, frame: pd.DataFrame, stats: dict, branch_vocab: dict):
        x = (frame[NUM].to_numpy(np.float32) - stats["mean"]) / stats["std"]
        self.x = torch.from_numpy(x)
        self.branch = torch.tensor(frame["branch"].map(branch_vocab).fillna(0).astype(int).to_numpy())
        self.y = torch.tensor(frame["returned_late"].to_numpy(np.float32))

    def __len__(self):
        return len(self.y)

    def __getitem__(self, i):
        return self.x[i], self.branch[i], self.y[i]


def chronological(loans: pd.DataFrame, val_start: str, test_start: str):
    loans = loans.sort_values("checkout_date")
    train = loans[loans["checkout_date"] < val_start]
    val = loans[(loans["checkout_date"] >= val_start) & (loans["checkout_date"] < test_start)]
    test = loans[loans["checkout_date"] >= test_start]
    return train, val, test


def train_stats(train: pd.DataFrame):
    arr = train[NUM].to_numpy(np.float32)
    vocab = {b: i + 1 for i, b in enumerate(sorted(train["branch"].unique()))}  # 0 = unseen branch
    return {"mean": arr.mean(0), "std": arr.std(0) + 1e-6}, vocab
