"""MTG-Jamendo mood/theme subset: official split-0 tsv files + precomputed mel .npy."""
import csv
from pathlib import Path

import numpy as np
import torch
from torch.utils.data import Dataset


def read_split(tsv_path, tags):
    index = {t: i for i, t in enumerate(tags)}
    paths, targets = [], []
    with open(tsv_path) as fh:
        reader = csv.reader(fh, delimiter="\t")
        next(reader)
        for row in reader:
            y = np.zeros(len(tags), dtype=np.float32)
            for t in row[5:]:
                if t in index:
                    y[index[t]] = 1.0
            paths.append(row[3].replace(".mp3", ".npy"))
            targets.append(y)
    return paths, np.stack(targets)


class ChunkDataset(Dataset):
    def __init__(self, mel_dir, paths, targets, chunk, random_crop):
        self.mel_dir, self.paths, self.targets = Path(mel_dir), paths, targets
        self.chunk, self.random_crop = chunk, random_crop

    def __len__(self):
        return len(self.paths)

    def __getitem__(self, i):
        mel = np.load(self.mel_dir / self.paths[i], mmap_mode="r")
        T = mel.shape[1]
        if self.random_crop:
            start = np.random.randint(0, max(1, T - self.chunk))
        else:
            start = max(0, T // 2 - self.chunk // 2)
        x = np.array(mel[:, start : start + self.chunk], dtype=np.float32)
        if x.shape[1] < self.chunk:
            x = np.pad(x, ((0, 0), (0, self.chunk - x.shape[1])))
        return torch.from_numpy(x[None]), torch.from_numpy(self.targets[i])
