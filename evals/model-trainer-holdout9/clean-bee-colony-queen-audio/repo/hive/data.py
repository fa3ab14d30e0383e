from pathlib import Path

import numpy as np
import pandas as pd
import torch
from sklearn.model_selection import GroupShuffleSplit
from torch.utils.data import Dataset


def split_by_hive(manifest: pd.DataFrame, seed: int):
    """Clips from one hive never straddle splits (hive acoustics are very distinctive)."""
    outer = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=seed)
    dev_idx, test_idx = next(outer.split(manifest, groups=manifest["hive_id"]))
    dev, test = manifest.iloc[dev_idx], manifest.iloc[test_idx]
    inner = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=seed + 1)
    tr_idx, va_idx = next(inner.split(dev, groups=dev["hive_id"]))
    return dev.iloc[tr_idx], dev.iloc[va_idx], test


def mel_stats(frame: pd.DataFrame, spec_dir: str):
    """Per-mel-bin mean/std over the given clips (call with the training clips)."""
    mels = torch.stack([torch.from_numpy(np.load(Path(spec_dir) / f)) for f in frame["file"]])
    return mels.mean(dim=(0, 2), keepdim=True)[0], mels.std(dim=(0, 2), keepdim=True)[0] + 1e-5


class HiveClips(Dataset):
    def __init__(self, frame, spec_dir, mean, std, augment=False):
        self.files = frame["file"].tolist()
        self.labels = frame["queenless"].astype(int).tolist()
        self.spec_dir = Path(spec_dir)
        self.mean, self.std = mean, std
        self.augment = augment

    def __len__(self):
        return len(self.files)

    def __getitem__(self, i):
        mel = torch.from_numpy(np.load(self.spec_dir / self.files[i])).float()
        mel = (mel - self.mean) / self.std
        if self.augment:  # SpecAugment-style masking, training only
            f0 = np.random.randint(0, mel.shape[0] - 8)
            t0 = np.random.randint(0, mel.shape[1] - 20)
            mel[f0:f0 + 8, :] = 0
            mel[:, t0:t0 + 20] = 0
        return mel.unsqueeze(0), torch.tensor(self.labels[i], dtype=torch.float32)
