from pathlib import Path

import pandas as pd
import torch
from PIL import Image
from torch.utils.data import Dataset
from torchvision import transforms as T

CLASSES = ["healthy", "overwatered", "root_rot", "spider_mites", "sunscorch"]

TRAIN_TF = T.Compose([
    T.RandomResizedCrop(224, scale=(0.7, 1.0)),
    T.RandomHorizontalFlip(),
    T.ColorJitter(0.2, 0.2, 0.1),
    T.ToTensor(),
    T.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225]),
])
EVAL_TF = T.Compose([
    T.Resize(256),
    T.CenterCrop(224),
    T.ToTensor(),
    T.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225]),
])


class BonsaiLeafDataset(Dataset):
    """One row per photo: image path, soil moisture / lux readings, label."""

    def __init__(self, frame: pd.DataFrame, image_root: str, train: bool):
        self.frame = frame.reset_index(drop=True)
        self.root = Path(image_root)
        self.tf = TRAIN_TF if train else EVAL_TF

    def __len__(self):
        return len(self.frame)

    def __getitem__(self, i):
        row = self.frame.iloc[i]
        img = Image.open(self.root / row["image"]).convert("RGB")
        sensors = torch.tensor([row["soil_moisture"], row["lux_k"], row["days_since_repot"] / 365.0],
                               dtype=torch.float32)
        return self.tf(img), sensors, CLASSES.index(row["label"])
