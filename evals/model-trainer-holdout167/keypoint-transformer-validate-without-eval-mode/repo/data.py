import json

import numpy as np
import torch
from torch.utils.data import Dataset

# hands (2 x 21) + lips subset + upper pose, pre-extracted to .npy by extract_landmarks.py
N_POINTS = 42 + 40 + 14


def resample_frames(seq, target_len):
    """Linear interpolation along time to a fixed number of frames."""
    t = seq.shape[0]
    if t == target_len:
        return seq
    src = np.linspace(0, t - 1, target_len)
    lo = np.floor(src).astype(int)
    hi = np.minimum(lo + 1, t - 1)
    w = (src - lo)[:, None, None]
    return (1 - w) * seq[lo] + w * seq[hi]


def center_and_scale(seq):
    """Per-clip normalisation: shoulder midpoint as origin, shoulder width as unit."""
    l_sh, r_sh = seq[:, 82 + 0], seq[:, 82 + 1]
    origin = np.nanmean((l_sh + r_sh) / 2, axis=0)
    width = np.nanmean(np.linalg.norm(l_sh - r_sh, axis=-1)) + 1e-6
    return (seq - origin) / width


class SignClips(Dataset):
    def __init__(self, index_file, split, num_frames=48):
        with open(index_file) as f:
            items = json.load(f)
        self.items = [it for it in items if it["split"] == split]
        self.num_frames = num_frames

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        it = self.items[i]
        seq = np.load(it["npy"]).astype(np.float32)[:, :, :2]  # (T, N_POINTS, 2)
        seq = center_and_scale(seq)
        seq = resample_frames(seq, self.num_frames)
        mask = ~np.isnan(seq).any(axis=-1)
        seq = np.nan_to_num(seq, nan=0.0)
        return torch.from_numpy(seq.reshape(self.num_frames, -1)), torch.from_numpy(mask), it["label"]
