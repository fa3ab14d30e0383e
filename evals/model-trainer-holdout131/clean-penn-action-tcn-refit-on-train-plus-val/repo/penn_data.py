"""Penn Action: 2326 clips, 15 actions, 13 annotated joints, official train/test flag per clip."""
import os

import numpy as np
import scipy.io as sio
import torch
from torch.utils.data import Dataset

ACTIONS = ["baseball_pitch", "baseball_swing", "bench_press", "bowl", "clean_and_jerk", "golf_swing",
           "jump_rope", "jumping_jacks", "pullup", "pushup", "situp", "squat", "strum_guitar",
           "tennis_forehand", "tennis_serve"]


def load_penn(root):
    """Returns list of (clip_id, joints (T,13,2), visibility (T,13), action_idx, is_train)."""
    out = []
    for fname in sorted(os.listdir(os.path.join(root, "labels"))):
        m = sio.loadmat(os.path.join(root, "labels", fname))
        xy = np.stack([m["x"], m["y"]], -1).astype(np.float32)
        vis = m["visibility"].astype(np.float32)
        w, h = float(m["dimensions"][0, 1]), float(m["dimensions"][0, 0])
        xy /= np.array([w, h], dtype=np.float32)
        action = ACTIONS.index(str(m["action"][0]))
        out.append((fname[:-4], xy, vis, action, int(m["train"][0, 0]) == 1))
    return out


class PennClips(Dataset):
    def __init__(self, records, T=48):
        self.records, self.T = records, T

    def __len__(self):
        return len(self.records)

    def __getitem__(self, i):
        _, xy, vis, action, _ = self.records[i]
        idx = np.linspace(0, len(xy) - 1, self.T).round().astype(int)
        xy, vis = xy[idx], vis[idx]
        centre = xy[:, 7:9].mean(1, keepdims=True)          # hips
        xy = (xy - centre) * vis[..., None]
        feats = np.concatenate([xy, vis[..., None]], -1).reshape(self.T, -1)
        return torch.from_numpy(feats.T.copy()), action          # (C=39, T)
