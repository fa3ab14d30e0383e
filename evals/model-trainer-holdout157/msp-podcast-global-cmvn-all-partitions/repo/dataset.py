import os

import numpy as np
import torch
from torch.utils.data import Dataset


class MSPDataset(Dataset):
    """Returns a (1, n_mels, frames) CMVN-normalised log-mel and (act, val, dom) targets scaled to [0, 1]."""

    def __init__(self, df, feat_dir, stats_path, crop_frames, train):
        stats = np.load(stats_path)
        self.mean, self.std = stats["mean"][:, None], stats["std"][:, None]
        self.files = df.FileName.str.replace(".wav", ".npy", regex=False).tolist()
        self.targets = ((df[["EmoAct", "EmoVal", "EmoDom"]].values - 1.0) / 6.0).astype(np.float32)
        self.feat_dir, self.crop, self.train = feat_dir, crop_frames, train

    def __len__(self):
        return len(self.files)

    def __getitem__(self, i):
        S = (np.load(os.path.join(self.feat_dir, self.files[i])) - self.mean) / self.std
        T = S.shape[1]
        if T < self.crop:
            S = np.pad(S, ((0, 0), (0, self.crop - T)), mode="wrap")
        elif self.train:
            s = np.random.randint(0, T - self.crop + 1)
            S = S[:, s:s + self.crop]
        return torch.from_numpy(S[None].astype(np.float32)), torch.from_numpy(self.targets[i])
