import numpy as np
import pandas as pd
import torch
from sklearn.model_selection import GroupShuffleSplit
from torch.utils.data import Dataset

SPECIES = ["blackbird", "robin", "chiffchaff", "wren", "great_tit", "blue_tit", "chaffinch",
           "blackcap", "song_thrush", "dunnock", "goldcrest", "wood_pigeon"]


def split_by_site(meta: pd.DataFrame, seed: int):
    """Recorder sites never straddle splits: 70/15/15 by site."""
    outer = GroupShuffleSplit(n_splits=1, test_size=0.15, random_state=seed)
    dev_i, test_i = next(outer.split(meta, groups=meta["site"]))
    dev = meta.iloc[dev_i]
    inner = GroupShuffleSplit(n_splits=1, test_size=0.15 / 0.85, random_state=seed)
    tr_i, va_i = next(inner.split(dev, groups=dev["site"]))
    return dev.iloc[tr_i], dev.iloc[va_i], meta.iloc[test_i]


class MelClips(Dataset):
    def __init__(self, mels: np.ndarray, labels: np.ndarray, mean: torch.Tensor, std: torch.Tensor):
        self.x = (torch.from_numpy(mels).float() - mean) / std
        self.y = torch.from_numpy(labels).float()

    def __len__(self):
        return len(self.y)

    def __getitem__(self, i):
        return self.x[i].unsqueeze(0), self.y[i]


def mel_band_stats(train_mels: np.ndarray):
    """Per-mel-band mean/std from the training clips (shape [n_mels, 1])."""
    t = torch.from_numpy(train_mels).float()
    mean = t.mean(dim=(0, 2)).unsqueeze(-1)
    std = t.std(dim=(0, 2)).unsqueeze(-1).clamp_min(1e-5)
    return mean, std
