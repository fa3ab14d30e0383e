import numpy as np
import pandas as pd
import torch
from PIL import Image
from sklearn.model_selection import GroupShuffleSplit
from torch.utils.data import Dataset, WeightedRandomSampler


class WeirCrops(Dataset):
    def __init__(self, df, crops_dir, species, tf):
        self.files = [f"{crops_dir}/{f}" for f in df["crop_file"]]
        lut = {s: i for i, s in enumerate(species)}
        self.y = np.array([lut[s] for s in df["species"]])
        self.tf = tf

    def __len__(self):
        return len(self.files)

    def __getitem__(self, i):
        return self.tf(Image.open(self.files[i]).convert("RGB")), int(self.y[i])


def video_splits(df, test_frac, val_frac, seed):
    g1 = GroupShuffleSplit(n_splits=1, test_size=test_frac, random_state=seed)
    dev_i, test_i = next(g1.split(df, groups=df["video_id"]))
    dev = df.iloc[dev_i]
    g2 = GroupShuffleSplit(n_splits=1, test_size=val_frac / (1 - test_frac), random_state=seed)
    tr_i, val_i = next(g2.split(dev, groups=dev["video_id"]))
    return dev.iloc[tr_i], dev.iloc[val_i], df.iloc[test_i]


def balanced_sampler(labels, n_classes, seed):
    counts = np.bincount(labels, minlength=n_classes).astype(float)
    w = 1.0 / np.maximum(counts, 1)
    gen = torch.Generator().manual_seed(seed)
    return WeightedRandomSampler(torch.as_tensor(w[labels], dtype=torch.double),
                                 num_samples=len(labels), replacement=True, generator=gen)
