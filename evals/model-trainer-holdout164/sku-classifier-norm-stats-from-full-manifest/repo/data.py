from pathlib import Path

import pandas as pd
from PIL import Image
from sklearn.model_selection import train_test_split
from torch.utils.data import Dataset
from torchvision import transforms as T


class SkuCropDataset(Dataset):
    def __init__(self, df: pd.DataFrame, root: str, transform=None):
        self.paths = [Path(root) / p for p in df["crop_path"]]
        self.labels = df["label"].to_numpy()
        self.transform = transform

    def __len__(self):
        return len(self.paths)

    def __getitem__(self, idx):
        img = Image.open(self.paths[idx]).convert("RGB")
        if self.transform is not None:
            img = self.transform(img)
        return img, int(self.labels[idx])


def build_transforms(mean, std, size=224, train=True):
    # no horizontal flip: packaging text is not mirror invariant
    if train:
        return T.Compose([
            T.RandomResizedCrop(size, scale=(0.6, 1.0)),
            T.ColorJitter(0.3, 0.3, 0.2),
            T.ToTensor(),
            T.Normalize(mean, std),
        ])
    return T.Compose([
        T.Resize(int(size * 1.14)),
        T.CenterCrop(size),
        T.ToTensor(),
        T.Normalize(mean, std),
    ])


def split_manifest(df, val_fraction, test_fraction, seed):
    train_df, test_df = train_test_split(
        df, test_size=test_fraction, stratify=df["label"], random_state=seed
    )
    rel_val = val_fraction / (1.0 - test_fraction)
    train_df, val_df = train_test_split(
        train_df, test_size=rel_val, stratify=train_df["label"], random_state=seed
    )
    return (
        train_df.reset_index(drop=True),
        val_df.reset_index(drop=True),
        test_df.reset_index(drop=True),
    )
