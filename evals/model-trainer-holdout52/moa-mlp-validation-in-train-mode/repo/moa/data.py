import numpy as np
import pandas as pd
import torch
from torch.utils.data import Dataset


class MoADataset(Dataset):
    def __init__(self, features, targets=None):
        self.features = torch.tensor(features, dtype=torch.float32)
        self.targets = None if targets is None else torch.tensor(targets, dtype=torch.float32)

    def __len__(self):
        return len(self.features)

    def __getitem__(self, idx):
        if self.targets is None:
            return self.features[idx]
        return self.features[idx], self.targets[idx]


def load_moa(data_dir):
    feats = pd.read_csv(f"{data_dir}/train_features.csv")
    targets = pd.read_csv(f"{data_dir}/train_targets_scored.csv")
    test = pd.read_csv(f"{data_dir}/test_features.csv")

    keep = feats["cp_type"] != "ctl_vehicle"
    feats, targets = feats[keep].reset_index(drop=True), targets[keep].reset_index(drop=True)
    for df in (feats, test):
        df["cp_time"] = df["cp_time"].map({24: 0, 48: 1, 72: 2})
        df["cp_dose"] = df["cp_dose"].map({"D1": 0, "D2": 1})
    feature_cols = [c for c in feats.columns if c not in ("sig_id", "cp_type")]
    target_cols = [c for c in targets.columns if c != "sig_id"]
    return feats, targets, test, feature_cols, target_cols


def seed_everything(seed):
    import os
    import random

    random.seed(seed)
    os.environ["PYTHONHASHSEED"] = str(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)
    torch.backends.cudnn.deterministic = True
