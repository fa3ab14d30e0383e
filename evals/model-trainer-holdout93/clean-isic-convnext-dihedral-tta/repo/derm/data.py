import numpy as np
import pandas as pd
import torch
from PIL import Image
from sklearn.model_selection import StratifiedGroupKFold
from torch.utils.data import Dataset
from torchvision import transforms as T


def grouped_holdout(df: pd.DataFrame, fraction: float, seed: int):
    """Stratified split that keeps all images of a lesion on the same side."""
    n_splits = int(round(1 / fraction))
    sgkf = StratifiedGroupKFold(n_splits=n_splits, shuffle=True, random_state=seed)
    keep_idx, hold_idx = next(sgkf.split(df, df["mel"], groups=df["lesion_key"]))
    return df.iloc[keep_idx].reset_index(drop=True), df.iloc[hold_idx].reset_index(drop=True)


def load_metadata(path: str) -> pd.DataFrame:
    df = pd.read_csv(path)
    df["mel"] = df["MEL"].astype(int)
    # images without a lesion_id are single captures; use the image name as their own group
    df["lesion_key"] = df["lesion_id"].fillna(df["image"])
    return df


def make_transforms(size, mean, std):
    train = T.Compose([
        T.RandomResizedCrop(size, scale=(0.6, 1.0)),
        T.RandomHorizontalFlip(), T.RandomVerticalFlip(),
        T.ColorJitter(0.2, 0.2, 0.2, 0.02),
        T.ToTensor(), T.Normalize(mean, std),
    ])
    evaluation = T.Compose([T.Resize(size), T.CenterCrop(size), T.ToTensor(), T.Normalize(mean, std)])
    return train, evaluation


class DermDataset(Dataset):
    def __init__(self, df, image_dir, transform):
        self.files = [f"{image_dir}/{name}.jpg" for name in df["image"]]
        self.labels = torch.tensor(df["mel"].values, dtype=torch.float32)
        self.transform = transform

    def __len__(self):
        return len(self.files)

    def __getitem__(self, i):
        return self.transform(Image.open(self.files[i]).convert("RGB")), self.labels[i]
