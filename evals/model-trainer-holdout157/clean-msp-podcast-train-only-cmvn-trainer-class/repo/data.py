import os

import numpy as np
import torch
from torch.utils.data import Dataset


class FbankSet(Dataset):
    def __init__(self, df, classes, fbank_dir, stats_path, max_frames=None):
        st = np.load(stats_path)
        self.mean, self.std = st["mean"].astype(np.float32), st["std"].astype(np.float32)
        self.files = df.FileName.tolist()
        self.y = df.EmoClass.map({c: i for i, c in enumerate(classes)}).tolist()
        self.fbank_dir, self.max_frames = fbank_dir, max_frames

    def __len__(self):
        return len(self.files)

    def __getitem__(self, i):
        x = np.load(os.path.join(self.fbank_dir, self.files[i].replace(".wav", ".npy")))
        x = (x - self.mean) / self.std
        if self.max_frames and len(x) > self.max_frames:
            s = np.random.randint(0, len(x) - self.max_frames)
            x = x[s:s + self.max_frames]
        return torch.from_numpy(x.astype(np.float32)), self.y[i]


def pad_batch(batch):
    xs, ys = zip(*batch)
    lens = torch.tensor([len(x) for x in xs])
    return torch.nn.utils.rnn.pad_sequence(xs, batch_first=True), lens, torch.tensor(ys)
