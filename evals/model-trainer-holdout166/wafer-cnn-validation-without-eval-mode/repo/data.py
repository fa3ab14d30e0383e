import numpy as np
import pandas as pd
import torch
from skimage.transform import resize
from sklearn.model_selection import GroupShuffleSplit
from torch.utils.data import Dataset

CLASSES = ["Center", "Donut", "Edge-Loc", "Edge-Ring", "Loc", "Near-full", "Random", "Scratch", "none"]


def load_labeled(path):
    df = pd.read_pickle(path)
    # failureType is stored as [['Edge-Ring']] or [] for unlabeled wafers
    df["failureType"] = df["failureType"].apply(lambda v: v[0][0] if len(v) > 0 else None)
    df = df.dropna(subset=["failureType"]).reset_index(drop=True)
    df["label"] = df["failureType"].map({c: i for i, c in enumerate(CLASSES)})
    return df


def to_onehot(wafer_map, size=64):
    m = resize(wafer_map, (size, size), order=0, preserve_range=True, anti_aliasing=False).astype(np.int64)
    return np.eye(3, dtype=np.float32)[m].transpose(2, 0, 1)


def split_by_lot(df, test_size, seed):
    # wafers from the same lot share a lot of signature, keep lots on one side
    gss = GroupShuffleSplit(n_splits=1, test_size=test_size, random_state=seed)
    tr_idx, te_idx = next(gss.split(df, df["label"], groups=df["lotName"]))
    return df.iloc[tr_idx].reset_index(drop=True), df.iloc[te_idx].reset_index(drop=True)


class WaferMapDataset(Dataset):
    def __init__(self, df, size=64):
        self.x = np.stack([to_onehot(m, size) for m in df["waferMap"]])
        self.y = df["label"].to_numpy()

    def __len__(self):
        return len(self.y)

    def __getitem__(self, i):
        return torch.from_numpy(self.x[i]), int(self.y[i])
