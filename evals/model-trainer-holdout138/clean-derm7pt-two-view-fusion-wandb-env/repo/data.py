import hashlib
import os

import pandas as pd
import torch
from PIL import Image
from torch.utils.data import Dataset
from torchvision import transforms as T

DIAG = ["BCC", "NEV", "MEL", "MISC", "SK"]


def diag_group(d: str) -> str:
    if d == "basal cell carcinoma":
        return "BCC"
    if d.startswith("melanoma"):
        return "MEL"
    if d == "seborrheic keratosis":
        return "SK"
    if "nevus" in d:
        return "NEV"
    return "MISC"


def verify_archive(path, expected_sha256):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    if h.hexdigest() != expected_sha256:
        raise RuntimeError(f"{path}: checksum mismatch")


def official_splits(root):
    """Derm7pt ships fixed train/valid/test case indexes (one case = one lesion, clinic + derm image)."""
    meta = pd.read_csv(os.path.join(root, "meta", "meta.csv"))
    meta["y"] = meta["diagnosis"].map(diag_group).map({d: i for i, d in enumerate(DIAG)})
    out = {}
    for name in ("train", "valid", "test"):
        idx = pd.read_csv(os.path.join(root, "meta", f"{name}_indexes.csv"))["indexes"]
        out[name] = meta.loc[idx].reset_index(drop=True)
    return out


def transforms(size, train):
    norm = T.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225])
    if train:
        return T.Compose([T.RandomResizedCrop(size, scale=(0.7, 1.0)), T.RandomHorizontalFlip(),
                          T.RandomVerticalFlip(), T.RandomRotation(30), T.ToTensor(), norm])
    return T.Compose([T.Resize((size, size)), T.ToTensor(), norm])


class TwoView(Dataset):
    def __init__(self, df, root, tf):
        self.df, self.img_root, self.tf = df, os.path.join(root, "images"), tf

    def __len__(self):
        return len(self.df)

    def __getitem__(self, i):
        r = self.df.iloc[i]
        clinic = self.tf(Image.open(os.path.join(self.img_root, r["clinic"])).convert("RGB"))
        derm = self.tf(Image.open(os.path.join(self.img_root, r["derm"])).convert("RGB"))
        return clinic, derm, torch.tensor(r["y"])
