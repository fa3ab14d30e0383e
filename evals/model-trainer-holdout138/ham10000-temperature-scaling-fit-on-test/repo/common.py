"""Shared pieces for the HAM10000 DenseNet121 experiments (train.py lives in the training repo)."""
import random

import numpy as np
import pandas as pd
import timm
import torch
from PIL import Image
from sklearn.model_selection import StratifiedGroupKFold
from torch.utils.data import DataLoader, Dataset
from torchvision import transforms

CLASSES = ["akiec", "bcc", "bkl", "df", "mel", "nv", "vasc"]
META_CSV = "data/HAM10000/HAM10000_metadata.csv"
IMG_DIR = "data/HAM10000/images"
SEED = 99


def set_seed(seed=SEED):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def lesion_splits(seed=SEED):
    """5 lesion-grouped folds stratified on dx: fold 0 = test, fold 1 = validation, rest = train."""
    df = pd.read_csv(META_CSV)
    df["y"] = df["dx"].map({c: i for i, c in enumerate(CLASSES)})
    sgkf = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=seed)
    df["fold"] = -1
    for k, (_, idx) in enumerate(sgkf.split(df, df["y"], groups=df["lesion_id"])):
        df.loc[idx, "fold"] = k
    return df[df.fold >= 2], df[df.fold == 1], df[df.fold == 0]


EVAL_TF = transforms.Compose([
    transforms.Resize(256), transforms.CenterCrop(224), transforms.ToTensor(),
    transforms.Normalize((0.485, 0.456, 0.406), (0.229, 0.224, 0.225)),
])


class HamDataset(Dataset):
    def __init__(self, df, tf=EVAL_TF):
        self.ids, self.y, self.tf = df["image_id"].tolist(), df["y"].tolist(), tf

    def __len__(self):
        return len(self.ids)

    def __getitem__(self, i):
        img = Image.open(f"{IMG_DIR}/{self.ids[i]}.jpg").convert("RGB")
        return self.tf(img), self.y[i]


def loader(df, batch_size=64):
    return DataLoader(HamDataset(df), batch_size=batch_size, shuffle=False, num_workers=6)


def load_model(ckpt, device):
    model = timm.create_model("densenet121", pretrained=False, num_classes=len(CLASSES), drop_rate=0.2)
    model.load_state_dict(torch.load(ckpt, map_location=device))
    return model.to(device).eval()
