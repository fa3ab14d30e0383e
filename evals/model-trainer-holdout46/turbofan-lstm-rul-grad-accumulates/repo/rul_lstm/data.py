from typing import List, Sequence, Tuple

import numpy as np
import pandas as pd
import torch
from torch.utils.data import Dataset

COLS = ["unit", "cycle", "os1", "os2", "os3"] + [f"s{i}" for i in range(1, 22)]
USEFUL_SENSORS = ["s2", "s3", "s4", "s7", "s8", "s9", "s11", "s12", "s13", "s14", "s15", "s17", "s20", "s21"]


def load_frame(path: str, rul_cap: int) -> pd.DataFrame:
    df = pd.read_csv(path, sep=r"\s+", header=None).iloc[:, : len(COLS)]
    df.columns = COLS
    df["rul"] = (df.groupby("unit")["cycle"].transform("max") - df["cycle"]).clip(upper=rul_cap)
    return df


def split_units(units: Sequence[int], val_frac: float, test_frac: float, seed: int) -> Tuple[List[int], List[int], List[int]]:
    rng = np.random.default_rng(seed)
    units = rng.permutation(np.asarray(units))
    n_test = int(round(len(units) * test_frac))
    n_val = int(round(len(units) * val_frac))
    return list(units[n_test + n_val :]), list(units[n_test : n_test + n_val]), list(units[:n_test])


class EngineWindows(Dataset):
    """Sliding windows of length seq_len over each engine; target is RUL at the window end."""

    def __init__(self, df: pd.DataFrame, feature_cols: List[str], seq_len: int):
        xs, ys = [], []
        for _, eng in df.groupby("unit"):
            feats = eng[feature_cols].to_numpy(dtype=np.float32)
            rul = eng["rul"].to_numpy(dtype=np.float32)
            if len(eng) < seq_len:
                pad = np.repeat(feats[:1], seq_len - len(eng), axis=0)
                feats = np.vstack([pad, feats])
                rul = np.concatenate([np.repeat(rul[:1], seq_len - len(eng)), rul])
            for end in range(seq_len, len(feats) + 1):
                xs.append(feats[end - seq_len : end])
                ys.append(rul[end - 1])
        self.x = torch.from_numpy(np.stack(xs))
        self.y = torch.from_numpy(np.asarray(ys))

    def __len__(self) -> int:
        return len(self.y)

    def __getitem__(self, idx):
        return self.x[idx], self.y[idx]
