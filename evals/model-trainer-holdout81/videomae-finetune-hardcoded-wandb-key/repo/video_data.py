import numpy as np
import pandas as pd
import torch
from decord import VideoReader, cpu
from torch.utils.data import Dataset


def load_manifest(path):
    """manifest.csv: clip_path, label, split (train/val/test assigned per camera site)."""
    df = pd.read_csv(path)
    labels = sorted(df["label"].unique())
    return df, labels


class ClipDataset(Dataset):
    def __init__(self, df, root, processor, label2id, num_frames=16, sample_rate=4, train=False):
        self.df = df.reset_index(drop=True)
        self.root = root
        self.processor = processor
        self.label2id = label2id
        self.num_frames = num_frames
        self.sample_rate = sample_rate
        self.train = train

    def __len__(self):
        return len(self.df)

    def _frame_indices(self, n):
        span = self.num_frames * self.sample_rate
        if n <= span:
            return np.linspace(0, n - 1, self.num_frames).astype(int)
        start = np.random.randint(0, n - span) if self.train else (n - span) // 2
        return np.arange(start, start + span, self.sample_rate)

    def __getitem__(self, i):
        row = self.df.iloc[i]
        vr = VideoReader(f"{self.root}/{row.clip_path}", ctx=cpu(0))
        frames = vr.get_batch(self._frame_indices(len(vr))).asnumpy()
        if self.train and np.random.rand() < 0.5:
            frames = frames[:, :, ::-1].copy()
        pixel_values = self.processor(list(frames), return_tensors="pt")["pixel_values"][0]
        return {"pixel_values": pixel_values, "labels": torch.tensor(self.label2id[row.label])}


def collate(batch):
    return {"pixel_values": torch.stack([b["pixel_values"] for b in batch]),
            "labels": torch.stack([b["labels"] for b in batch])}
