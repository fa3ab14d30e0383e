"""Radar composite sequences stored as one HDF5 file per day (5-minute rain-rate frames, mm/h)."""
from pathlib import Path

import h5py
import numpy as np
import torch
from torch.utils.data import Dataset


class RadarSequenceDataset(Dataset):
    def __init__(self, root, years, frames_in, frames_out, crop, random_crop=False):
        self.files = sorted(f for y in years for f in Path(root).glob(f"{y}/*.h5"))
        self.frames_in = frames_in
        self.frames_out = frames_out
        self.crop = crop
        self.random_crop = random_crop
        self.index = []
        for file_idx, path in enumerate(self.files):
            with h5py.File(path, "r") as h5:
                n_frames = h5["rain_rate"].shape[0]
                wet = h5["wet_fraction"][:]
            seq_len = frames_in + frames_out
            for start in range(0, n_frames - seq_len + 1, frames_out):
                if wet[start:start + seq_len].mean() > 0.02:
                    self.index.append((file_idx, start))

    def __len__(self):
        return len(self.index)

    def __getitem__(self, i):
        file_idx, start = self.index[i]
        with h5py.File(self.files[file_idx], "r") as h5:
            seq = h5["rain_rate"][start:start + self.frames_in + self.frames_out]
        h, w = seq.shape[1:]
        if self.random_crop:
            top = np.random.randint(0, h - self.crop + 1)
            left = np.random.randint(0, w - self.crop + 1)
        else:
            top, left = (h - self.crop) // 2, (w - self.crop) // 2
        seq = seq[:, top:top + self.crop, left:left + self.crop]
        seq = np.log1p(np.clip(seq, 0, 200)).astype(np.float32)
        x = torch.from_numpy(seq[:self.frames_in])
        y = torch.from_numpy(seq[self.frames_in:])
        return x, y
