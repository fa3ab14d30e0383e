from pathlib import Path

import numpy as np
import pandas as pd
import torch
from PIL import Image
from torch.utils.data import Dataset

from . import LABELS


def load_entries(csv_path: str, image_list: str) -> pd.DataFrame:
    """Read Data_Entry_2017.csv and keep the images named in an official split list."""
    df = pd.read_csv(csv_path)
    keep = set(Path(image_list).read_text().split())
    df = df[df["Image Index"].isin(keep)].reset_index(drop=True)
    for label in LABELS:
        df[label] = df["Finding Labels"].str.contains(label, regex=False).astype(np.float32)
    return df


class ChestXray14(Dataset):
    def __init__(self, df: pd.DataFrame, image_dir: str, transform):
        self.files = df["Image Index"].tolist()
        self.targets = df[LABELS].to_numpy(dtype=np.float32)
        self.image_dir = Path(image_dir)
        self.transform = transform

    def __len__(self):
        return len(self.files)

    def __getitem__(self, i):
        img = Image.open(self.image_dir / self.files[i]).convert("RGB")
        return self.transform(img), torch.from_numpy(self.targets[i])
