import numpy as np
import pandas as pd
import tifffile
import torch
from torch.utils.data import Dataset

from utils import per_image_norm


def donor_split(index: pd.DataFrame, n_test: int, n_val: int, seed: int):
    donors = np.array(sorted(index["donor"].unique()))
    rng = np.random.default_rng(seed)
    rng.shuffle(donors)
    test_d, val_d = set(donors[:n_test]), set(donors[n_test:n_test + n_val])
    test = index[index["donor"].isin(test_d)]
    val = index[index["donor"].isin(val_d)]
    train = index[~index["donor"].isin(test_d | val_d)]
    return train.reset_index(drop=True), val.reset_index(drop=True), test.reset_index(drop=True)


class CropDataset(Dataset):
    def __init__(self, frame, classes, augment=False):
        self.paths = frame["crop_path"].tolist()
        self.labels = frame["cell_type"].map({c: i for i, c in enumerate(classes)}).to_numpy()
        self.augment = augment

    def __len__(self):
        return len(self.paths)

    def __getitem__(self, i):
        img = per_image_norm(tifffile.imread(self.paths[i]).astype(np.float32))
        if self.augment:
            img = np.rot90(img, k=np.random.randint(4), axes=(1, 2))
            if np.random.rand() < 0.5:
                img = img[:, :, ::-1]
        return torch.from_numpy(np.ascontiguousarray(img)), int(self.labels[i])
