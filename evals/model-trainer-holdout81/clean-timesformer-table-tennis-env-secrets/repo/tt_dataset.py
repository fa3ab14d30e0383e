import av
import numpy as np
import pandas as pd
import torch
from torch.utils.data import Dataset


def read_frames(path, indices):
    container = av.open(path)
    wanted, frames = set(indices.tolist()), {}
    for i, frame in enumerate(container.decode(video=0)):
        if i in wanted:
            frames[i] = frame.to_ndarray(format="rgb24")
        if i >= indices.max():
            break
    container.close()
    return [frames.get(i, frames[max(frames)]) for i in indices]


class StrokeClips(Dataset):
    """manifest.csv: file, stroke, player_id, split -- players are assigned to exactly one split."""

    def __init__(self, df, clip_dir, processor, label2id, num_frames, train):
        self.df, self.clip_dir, self.processor = df.reset_index(drop=True), clip_dir, processor
        self.label2id, self.num_frames, self.train = label2id, num_frames, train

    def __len__(self):
        return len(self.df)

    def __getitem__(self, i):
        row = self.df.iloc[i]
        path = f"{self.clip_dir}/{row.file}"
        n = av.open(path).streams.video[0].frames
        if self.train:
            jitter = np.random.uniform(-0.5, 0.5, self.num_frames)
            idx = np.clip(((np.arange(self.num_frames) + 0.5 + jitter) * n / self.num_frames).astype(int), 0, n - 1)
        else:
            idx = np.linspace(0, n - 1, self.num_frames).astype(int)
        frames = read_frames(path, np.sort(idx))
        pixel_values = self.processor(frames, return_tensors="pt")["pixel_values"][0]
        return {"pixel_values": pixel_values, "labels": torch.tensor(self.label2id[row.stroke])}


def load_manifest(path):
    df = pd.read_csv(path)
    labels = sorted(df.stroke.unique())
    return df, {l: i for i, l in enumerate(labels)}
