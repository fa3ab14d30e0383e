import numpy as np
import torch
from torch.utils.data import Dataset


class MelDataset(Dataset):
    def __init__(self, items, mel_dir, genres, mean, std, crop=256, train=True):
        self.items, self.mel_dir, self.crop, self.train = items, mel_dir, crop, train
        self.g2i = {g: i for i, g in enumerate(genres)}
        self.mean, self.std = mean, std

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        tid, genre = self.items[i]
        mel = np.load(f"{self.mel_dir}/{tid}.npy")
        if self.train:  # random crop for training, centre crop otherwise
            start = np.random.randint(0, mel.shape[1] - self.crop + 1)
        else:
            start = (mel.shape[1] - self.crop) // 2
        mel = (mel[:, start:start + self.crop] - self.mean) / self.std
        return torch.from_numpy(mel[None].astype(np.float32)), self.g2i[genre]
