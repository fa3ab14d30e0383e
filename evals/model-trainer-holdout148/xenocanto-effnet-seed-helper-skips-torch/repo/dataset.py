import numpy as np
import pandas as pd
import torch
from torch.utils.data import Dataset


class LogMelCrops(Dataset):
    """Xeno-canto focal recordings stored as full-length log-mel arrays (n_mels, T).

    Index CSVs list one row per recording; train/val index files are split by recordist
    so that one person's recordings never appear on both sides.
    """

    def __init__(self, index_csv, spec_dir, classes, crop_frames, train):
        self.df = pd.read_csv(index_csv)
        self.spec_dir, self.crop, self.train = spec_dir, crop_frames, train
        self.cls = {c: i for i, c in enumerate(classes)}

    def __len__(self):
        return len(self.df)

    def __getitem__(self, i):
        row = self.df.iloc[i]
        spec = np.load(f"{self.spec_dir}/{row.xc_id}.npy")
        T = spec.shape[1]
        if T < self.crop:
            spec = np.pad(spec, ((0, 0), (0, self.crop - T)), mode="wrap")
            T = self.crop
        start = np.random.randint(0, T - self.crop + 1) if self.train else (T - self.crop) // 2
        spec = spec[:, start:start + self.crop]
        return torch.from_numpy(spec).unsqueeze(0).float(), self.cls[row.primary_label]
