import numpy as np
import pandas as pd
import torch
from decord import VideoReader, cpu
from torch.utils.data import Dataset

MEAN = torch.tensor([0.43216, 0.394666, 0.37645]).view(3, 1, 1, 1)
STD = torch.tensor([0.22803, 0.22145, 0.216989]).view(3, 1, 1, 1)


def load_annotations(path):
    """annotations.csv: video, start_f, end_f, action, store_id, split (stores assigned to splits)."""
    df = pd.read_csv(path)
    classes = sorted(df["action"].unique())
    df["y"] = df["action"].map({c: i for i, c in enumerate(classes)})
    return df, classes


class ActionSegments(Dataset):
    def __init__(self, df, root, num_frames, stride, train):
        self.df, self.root = df.reset_index(drop=True), root
        self.num_frames, self.stride, self.train = num_frames, stride, train

    def __len__(self):
        return len(self.df)

    def __getitem__(self, i):
        r = self.df.iloc[i]
        vr = VideoReader(f"{self.root}/{r.video}", ctx=cpu(0), width=224, height=224)
        span = self.num_frames * self.stride
        last = max(r.end_f - span, r.start_f)
        start = np.random.randint(r.start_f, last + 1) if self.train else (r.start_f + last) // 2
        idx = np.clip(np.arange(start, start + span, self.stride), 0, len(vr) - 1)
        x = torch.from_numpy(vr.get_batch(idx).asnumpy()).permute(3, 0, 1, 2).float() / 255.0
        if self.train and np.random.rand() < 0.5:
            x = x.flip(-1)
        return (x - MEAN) / STD, int(r.y)
