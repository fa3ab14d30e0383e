import numpy as np
import pandas as pd
import torch
from torch.utils.data import Dataset


def load_plays(path):
    """user_artists.dat: userID \t artistID \t weight (play count). No timestamps."""
    df = pd.read_csv(path, sep="\t")
    df = df.rename(columns={"userID": "user", "artistID": "artist", "weight": "plays"})
    df["user_idx"], users = pd.factorize(df["user"])
    df["item_idx"], items = pd.factorize(df["artist"])
    # listening counts are extremely heavy tailed
    df["rating"] = np.log1p(df["plays"]).astype("float32")
    return df, len(users), len(items)


def split_interactions(df, val_frac, test_frac):
    order = np.random.permutation(len(df))
    n_test = int(len(df) * test_frac)
    n_val = int(len(df) * val_frac)
    test = df.iloc[order[:n_test]]
    val = df.iloc[order[n_test:n_test + n_val]]
    train = df.iloc[order[n_test + n_val:]]
    return train.reset_index(drop=True), val.reset_index(drop=True), test.reset_index(drop=True)


class PlayDataset(Dataset):
    def __init__(self, frame):
        self.u = torch.as_tensor(frame["user_idx"].to_numpy(), dtype=torch.long)
        self.i = torch.as_tensor(frame["item_idx"].to_numpy(), dtype=torch.long)
        self.r = torch.as_tensor(frame["rating"].to_numpy(), dtype=torch.float32)

    def __len__(self):
        return len(self.r)

    def __getitem__(self, idx):
        return self.u[idx], self.i[idx], self.r[idx]
