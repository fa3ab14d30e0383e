import numpy as np
import torch
import wfdb
from scipy.signal import medfilt
from torch.utils.data import Dataset

AAMI = {"N": 0, "L": 0, "R": 0, "e": 0, "j": 0,
        "A": 1, "a": 1, "J": 1, "S": 1,
        "V": 2, "E": 2, "F": 3}


def remove_baseline(sig, fs):
    # two-stage median filter (200 ms, 600 ms) baseline wander removal
    w1 = int(0.2 * fs) | 1
    w2 = int(0.6 * fs) | 1
    return sig - medfilt(medfilt(sig, w1), w2)


def segment_record(path, fs, pre, post):
    rec = wfdb.rdrecord(path, channels=[0])
    ann = wfdb.rdann(path, "atr")
    sig = remove_baseline(rec.p_signal[:, 0], fs)
    n_pre, n_post = int(pre * fs), int(post * fs)
    beats, labels = [], []
    for r, sym in zip(ann.sample, ann.symbol):
        if sym in AAMI and r - n_pre >= 0 and r + n_post <= len(sig):
            seg = sig[r - n_pre: r + n_post]
            beats.append((seg - seg.mean()) / (seg.std() + 1e-8))
            labels.append(AAMI[sym])
    return np.asarray(beats, np.float32), np.asarray(labels, np.int64)


class BeatDataset(Dataset):
    def __init__(self, root, records, fs, pre, post):
        xs, ys = zip(*(segment_record(f"{root}/{r}", fs, pre, post) for r in records))
        self.x = torch.from_numpy(np.concatenate(xs)).unsqueeze(1)
        self.y = torch.from_numpy(np.concatenate(ys))

    def __len__(self):
        return len(self.y)

    def __getitem__(self, i):
        return self.x[i], self.y[i]
