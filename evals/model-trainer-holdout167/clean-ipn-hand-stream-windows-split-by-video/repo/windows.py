import numpy as np
import pandas as pd
import torch
from torch.utils.data import Dataset

NON_GESTURE = "D0X"


def frame_labels(annot, video, n_frames, classes):
    """Per-frame class index from IPN Annot_List (t_start/t_end are 1-based, inclusive)."""
    lab = np.full(n_frames, classes.index(NON_GESTURE), dtype=np.int64)
    for r in annot[annot["video"] == video].itertuples():
        lab[r.t_start - 1:r.t_end] = classes.index(r.label)
    return lab


def cut_windows(seq, labels, win, stride):
    xs, ys = [], []
    for s in range(0, len(seq) - win + 1, stride):
        xs.append(seq[s:s + win])
        ys.append(labels[s + win - 1])
    return xs, ys


class StreamWindows(Dataset):
    """Sliding windows over the landmark streams of the given IPN videos."""

    def __init__(self, videos, lm_dir, annot, classes, win=24, stride=2):
        xs, ys = [], []
        for v in videos:
            seq = np.load(f"{lm_dir}/{v}.npy").astype(np.float32)   # (T, 21, 3) MediaPipe Hands, NaN if no hand
            seq = np.nan_to_num(seq - seq[:, :1], nan=0.0).reshape(len(seq), -1)
            lab = frame_labels(annot, v, len(seq), classes)
            wx, wy = cut_windows(seq, lab, win, stride)
            xs += wx
            ys += wy
        self.x = torch.from_numpy(np.stack(xs))
        self.y = torch.from_numpy(np.array(ys))

    def __len__(self):
        return len(self.y)

    def __getitem__(self, i):
        return self.x[i], self.y[i]


def read_ipn(root):
    annot = pd.read_csv(f"{root}/annotations/Annot_List.txt")        # video,label,id,t_start,t_end,frames
    train_videos = [l.strip() for l in open(f"{root}/annotations/Video_TrainList.txt") if l.strip()]
    test_videos = [l.strip() for l in open(f"{root}/annotations/Video_TestList.txt") if l.strip()]
    classes = sorted(annot["label"].unique())
    return annot, classes, train_videos, test_videos
