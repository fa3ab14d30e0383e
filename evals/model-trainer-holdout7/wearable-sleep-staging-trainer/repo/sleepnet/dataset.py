from pathlib import Path

import numpy as np
import torch
from torch.utils.data import Dataset


class NightEpochs(Dataset):
    """30-s epochs from wrist accelerometry (32 Hz, 3 axes) + PPG heart rate (1 Hz), PSG-scored stages.

    Each item is a window of `context` consecutive epochs centred on the scored one.
    """

    def __init__(self, night_files: list[Path], context: int = 11):
        self.context = context
        self.acc, self.hr, self.y, self.index = [], [], [], []
        for n, f in enumerate(night_files):
            z = np.load(f)
            acc = (z["acc"] - z["acc"].mean(axis=(0, 1))) / (z["acc"].std(axis=(0, 1)) + 1e-6)  # per-night
            hr = (z["hr"] - np.median(z["hr"])) / 10.0
            self.acc.append(acc.astype(np.float32))
            self.hr.append(hr.astype(np.float32))
            self.y.append(z["stage"].astype(np.int64))
            half = context // 2
            self.index += [(n, i) for i in range(half, len(z["stage"]) - half)]

    def __len__(self):
        return len(self.index)

    def __getitem__(self, k):
        n, i = self.index[k]
        h = self.context // 2
        acc = self.acc[n][i - h : i + h + 1]          # (context, 960, 3)
        hr = self.hr[n][i - h : i + h + 1]            # (context, 30)
        return torch.from_numpy(acc), torch.from_numpy(hr), torch.tensor(self.y[n][i])
