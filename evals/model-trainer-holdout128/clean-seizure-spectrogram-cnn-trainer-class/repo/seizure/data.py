import numpy as np
import torch
from scipy.signal import stft
from torch.utils.data import Dataset


def to_logspec(x, fs, nperseg, noverlap, fmax):
    f, _, Z = stft(x, fs=fs, nperseg=nperseg, noverlap=noverlap, axis=-1)
    S = np.log1p(np.abs(Z[:, f <= fmax, :]))
    return S.astype(np.float32)  # (channels, freqs, frames)


class SpectrogramWindows(Dataset):
    def __init__(self, windows_dir, patients, stft_cfg, fs=256):
        xs, ys = [], []
        for p in patients:
            d = np.load(f"{windows_dir}/{p}.npz")
            xs.append(np.stack([to_logspec(w, fs, **stft_cfg) for w in d["x"]]))
            ys.append(d["y"])
        self.x = torch.from_numpy(np.concatenate(xs))
        self.y = torch.from_numpy(np.concatenate(ys).astype(np.float32))

    def __len__(self):
        return len(self.y)

    def __getitem__(self, i):
        return self.x[i], self.y[i]
