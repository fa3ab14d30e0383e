from pathlib import Path

import pandas as pd
from PIL import Image
from sklearn.model_selection import GroupShuffleSplit
from torch.utils.data import Dataset


class ZooScanDataset(Dataset):
    """Vignettes exported from EcoTaxa; one row per object."""

    def __init__(self, df, image_root, class_to_idx, transform=None):
        self.df = df.reset_index(drop=True)
        self.root = Path(image_root)
        self.class_to_idx = class_to_idx
        self.transform = transform

    def __len__(self):
        return len(self.df)

    def __getitem__(self, idx):
        row = self.df.iloc[idx]
        img = Image.open(self.root / row["object_id"]).convert("RGB")
        if self.transform is not None:
            img = self.transform(img)
        return img, self.class_to_idx[row["taxon"]]


def split_by_cruise(df, val_frac, test_frac, seed):
    # whole cruises go to one side so the same net tows never appear in train and test
    gss = GroupShuffleSplit(n_splits=1, test_size=test_frac, random_state=seed)
    trval_idx, test_idx = next(gss.split(df, groups=df["sample_cruise"]))
    trval, test = df.iloc[trval_idx], df.iloc[test_idx]
    gss_val = GroupShuffleSplit(n_splits=1, test_size=val_frac / (1 - test_frac), random_state=seed)
    tr_idx, val_idx = next(gss_val.split(trval, groups=trval["sample_cruise"]))
    return trval.iloc[tr_idx], trval.iloc[val_idx], test


def load_index(path, min_count=50):
    df = pd.read_csv(path, usecols=["object_id", "taxon", "sample_cruise", "sample_id"])
    counts = df["taxon"].value_counts()
    keep = counts[counts >= min_count].index
    return df[df["taxon"].isin(keep)].reset_index(drop=True)
