"""NTU RGB+D 60 skeleton sequences stored as one .npy per sample: (T, M, V, C)."""
from pathlib import Path

import numpy as np
import torch
from torch.utils.data import Dataset

# Cross-subject benchmark: official training performer ids
XSUB_TRAIN = {1, 2, 4, 5, 8, 9, 13, 14, 15, 16, 17, 18, 19, 25, 27, 28, 31, 34, 35, 38}


def parse_name(name):
    # S001C002P003R002A013 -> setup, camera, performer, replication, action
    return {"setup": int(name[1:4]), "camera": int(name[5:8]), "performer": int(name[9:12]),
            "action": int(name[17:20]) - 1}


def list_samples(root, benchmark="xsub"):
    files = sorted(Path(root, "skeletons").glob("*.npy"))
    train, test = [], []
    for f in files:
        meta = parse_name(f.stem)
        is_train = meta["performer"] in XSUB_TRAIN if benchmark == "xsub" else meta["camera"] != 1
        (train if is_train else test).append((f, meta))
    return train, test


def center_on_spine(seq):
    # joint 1 (0-based) is the middle of the spine in the Kinect v2 layout
    return seq - seq[:, :, 1:2, :]


class SkeletonDataset(Dataset):
    def __init__(self, samples, max_frames=64, train=False):
        self.samples = samples
        self.max_frames = max_frames
        self.train = train

    def __len__(self):
        return len(self.samples)

    def _resample(self, seq):
        t = seq.shape[0]
        if self.train:
            ratio = np.random.uniform(0.8, 1.0)
            length = max(int(t * ratio), 1)
            start = np.random.randint(0, t - length + 1)
            seq = seq[start:start + length]
        idx = np.linspace(0, seq.shape[0] - 1, self.max_frames).round().astype(int)
        return seq[idx]

    def __getitem__(self, i):
        path, meta = self.samples[i]
        seq = center_on_spine(np.load(path).astype(np.float32))
        seq = self._resample(seq)
        return torch.from_numpy(seq), meta["action"]
