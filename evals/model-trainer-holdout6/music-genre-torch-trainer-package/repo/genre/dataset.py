from pathlib import Path

import numpy as np
import pandas as pd
import torch
from torch.utils.data import Dataset

GENRES = ["blues", "classical", "country", "disco", "hiphop", "jazz", "metal", "pop", "reggae", "rock"]


class MelClipDataset(Dataset):
    """One log-mel spectrogram per 30 s track (128 mels x 1292 frames), precomputed by extract_mels.py."""

    def __init__(self, root: str, index_csv: str = "clips.csv"):
        self.root = Path(root)
        self.meta = pd.read_csv(self.root / index_csv)
        self.labels = torch.tensor(self.meta["genre"].map(GENRES.index).to_numpy(), dtype=torch.long)
        mels = np.stack([np.load(self.root / p) for p in self.meta["mel_path"]]).astype(np.float32)
        self.mels = torch.from_numpy(mels)
        # per-mel-band normalisation constants
        self.band_mean = self.mels.mean(dim=(0, 2), keepdim=True)[0]
        self.band_std = self.mels.std(dim=(0, 2), keepdim=True)[0].clamp_min(1e-5)

    def __len__(self):
        return len(self.labels)

    def __getitem__(self, i):
        x = (self.mels[i] - self.band_mean) / self.band_std
        return x.unsqueeze(0), self.labels[i]
