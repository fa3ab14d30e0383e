import h5py
import numpy as np
import pandas as pd
import torch
from torch.utils.data import Dataset


class H5LogMel(Dataset):
    """Rows of a manifest (ytid, label columns) looked up in a shared HDF5 of log-mels."""

    def __init__(self, h5_path, manifest_csv, time_shift=0):
        man = pd.read_csv(manifest_csv)
        self.ytids = man["ytid"].tolist()
        self.labels = man.drop(columns=["ytid"]).to_numpy(np.float32)
        self.class_names = [c for c in man.columns if c != "ytid"]
        self.h5_path, self.time_shift = h5_path, time_shift
        self._h5 = None

    def __len__(self):
        return len(self.ytids)

    def __getitem__(self, i):
        if self._h5 is None:
            self._h5 = h5py.File(self.h5_path, "r")
        x = self._h5["logmel"][self.ytids[i]][()]
        if self.time_shift:
            x = np.roll(x, np.random.randint(-self.time_shift, self.time_shift + 1), axis=0)
        return torch.from_numpy(x[None].astype(np.float32)), torch.from_numpy(self.labels[i])
