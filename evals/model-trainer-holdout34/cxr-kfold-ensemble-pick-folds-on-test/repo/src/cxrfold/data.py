import albumentations as A
import cv2
import numpy as np
import pandas as pd
import torch
from sklearn.model_selection import GroupShuffleSplit, StratifiedGroupKFold
from torch.utils.data import Dataset

MEAN, STD = (0.485, 0.456, 0.406), (0.229, 0.224, 0.225)


def make_splits(df: pd.DataFrame, n_folds: int, test_frac: float, seed: int) -> pd.DataFrame:
    """Patient-level holdout test set, then patient-grouped stratified folds on the rest."""
    df = df.copy()
    gss = GroupShuffleSplit(n_splits=1, test_size=test_frac, random_state=seed)
    dev_idx, test_idx = next(gss.split(df, groups=df.patient_id))
    df["fold"] = -1
    df.loc[df.index[test_idx], "fold"] = -2  # -2 == holdout test
    dev = df.iloc[dev_idx]
    sgkf = StratifiedGroupKFold(n_splits=n_folds, shuffle=True, random_state=seed)
    for k, (_, va) in enumerate(sgkf.split(dev, dev.effusion, groups=dev.patient_id)):
        df.loc[dev.index[va], "fold"] = k
    return df


def transforms(size: int, train: bool):
    if train:
        return A.Compose([
            A.RandomResizedCrop(size, size, scale=(0.8, 1.0)),
            A.ShiftScaleRotate(0.05, 0.05, 10, border_mode=cv2.BORDER_CONSTANT, p=0.5),
            A.RandomBrightnessContrast(0.1, 0.1, p=0.5),
            A.Normalize(MEAN, STD),
        ])
    return A.Compose([A.Resize(size, size), A.Normalize(MEAN, STD)])


class CXRDataset(Dataset):
    def __init__(self, frame, img_dir, tfm):
        self.ids = frame.image_id.tolist()
        self.y = frame.effusion.to_numpy(np.float32)
        self.img_dir, self.tfm = img_dir, tfm

    def __len__(self):
        return len(self.ids)

    def __getitem__(self, i):
        img = cv2.imread(f"{self.img_dir}/{self.ids[i]}.png", cv2.IMREAD_COLOR)
        img = self.tfm(image=img)["image"].transpose(2, 0, 1)
        return torch.from_numpy(img), torch.tensor(self.y[i])
