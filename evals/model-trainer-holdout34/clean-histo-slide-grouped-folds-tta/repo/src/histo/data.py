import albumentations as A
import cv2
import numpy as np
import pandas as pd
import torch
from sklearn.model_selection import StratifiedGroupKFold
from torch.utils.data import Dataset

IMAGENET = dict(mean=(0.485, 0.456, 0.406), std=(0.229, 0.224, 0.225))


def split_frame(df: pd.DataFrame, test_hospitals, n_folds: int, seed: int):
    """Held-out test centre(s) + slide-grouped, label-stratified folds on the remaining centres."""
    test = df[df.hospital.isin(test_hospitals)].reset_index(drop=True)
    dev = df[~df.hospital.isin(test_hospitals)].reset_index(drop=True)
    dev["fold"] = -1
    sgkf = StratifiedGroupKFold(n_splits=n_folds, shuffle=True, random_state=seed)
    for k, (_, va) in enumerate(sgkf.split(dev, dev.tumor, groups=dev.slide_id)):
        dev.loc[va, "fold"] = k
    return dev, test


def train_tfms(size):
    return A.Compose([
        A.RandomRotate90(), A.HorizontalFlip(), A.VerticalFlip(),
        A.HueSaturationValue(8, 15, 10, p=0.5),
        A.RandomBrightnessContrast(0.1, 0.1, p=0.5),
        A.Resize(size, size), A.Normalize(**IMAGENET),
    ])


def eval_tfms(size):
    return A.Compose([A.Resize(size, size), A.Normalize(**IMAGENET)])


class Patches(Dataset):
    def __init__(self, frame, tfm):
        self.paths = frame.patch_path.tolist()
        self.y = frame.tumor.to_numpy(np.float32)
        self.tfm = tfm

    def __len__(self):
        return len(self.paths)

    def __getitem__(self, i):
        img = cv2.cvtColor(cv2.imread(self.paths[i]), cv2.COLOR_BGR2RGB)
        return torch.from_numpy(self.tfm(image=img)["image"].transpose(2, 0, 1)), torch.tensor(self.y[i])
