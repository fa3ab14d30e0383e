"""MagnaTagATune top-50 dataset backed by precomputed log-mel .npy files."""
from pathlib import Path

import numpy as np
import pandas as pd
import torch
from torch.utils.data import Dataset

TRAIN_DIRS = set("0123456789ab")
VALID_DIRS = {"c"}
TEST_DIRS = set("def")


def load_annotations(path):
    df = pd.read_csv(path, sep="\t")
    df["subdir"] = df["mp3_path"].str.split("/").str[0]
    tag_cols = [c for c in df.columns if c not in ("clip_id", "mp3_path", "subdir")]
    df = df[df[tag_cols].sum(axis=1) > 0].reset_index(drop=True)
    return df, tag_cols


def official_split(df):
    return (
        df[df["subdir"].isin(TRAIN_DIRS)].reset_index(drop=True),
        df[df["subdir"].isin(VALID_DIRS)].reset_index(drop=True),
        df[df["subdir"].isin(TEST_DIRS)].reset_index(drop=True),
    )


class MelTagDataset(Dataset):
    def __init__(self, df, tag_cols, mel_dir, crop_frames, train):
        self.paths = [Path(mel_dir) / p.replace(".mp3", ".npy") for p in df["mp3_path"]]
        self.targets = df[tag_cols].to_numpy(dtype=np.float32)
        self.crop = crop_frames
        self.train = train

    def __len__(self):
        return len(self.paths)

    def __getitem__(self, i):
        mel = np.load(self.paths[i]).astype(np.float32)
        n = mel.shape[1]
        if self.train:
            start = np.random.randint(0, max(1, n - self.crop))
        else:
            start = max(0, (n - self.crop) // 2)
        mel = mel[:, start : start + self.crop]
        if mel.shape[1] < self.crop:
            mel = np.pad(mel, ((0, 0), (0, self.crop - mel.shape[1])))
        return torch.from_numpy(mel[None]), torch.from_numpy(self.targets[i])
