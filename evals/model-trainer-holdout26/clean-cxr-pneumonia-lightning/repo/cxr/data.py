from pathlib import Path

import lightning as L
import pandas as pd
import torch
from PIL import Image
from torch.utils.data import DataLoader, Dataset
from torchvision import transforms as T

MEAN, STD = [0.485, 0.456, 0.406], [0.229, 0.224, 0.225]


class CXRDataset(Dataset):
    def __init__(self, frame, root, tf):
        self.files = [Path(root) / f for f in frame["file"]]
        self.y = torch.tensor(frame["pneumonia"].to_numpy(), dtype=torch.float32)
        self.tf = tf

    def __len__(self):
        return len(self.files)

    def __getitem__(self, i):
        return self.tf(Image.open(self.files[i]).convert("RGB")), self.y[i]


class CXRData(L.LightningDataModule):
    def __init__(self, split_csv, image_root, batch_size=32, size=320):
        super().__init__()
        self.split_csv, self.image_root, self.bs = split_csv, image_root, batch_size
        self.train_tf = T.Compose([
            T.RandomResizedCrop(size, scale=(0.8, 1.0)), T.RandomRotation(7),
            T.ToTensor(), T.Normalize(MEAN, STD),
        ])
        self.eval_tf = T.Compose([T.Resize(size), T.CenterCrop(size), T.ToTensor(), T.Normalize(MEAN, STD)])

    def setup(self, stage=None):
        meta = pd.read_csv(self.split_csv)
        part = lambda s, tf: CXRDataset(meta[meta.split == s], self.image_root, tf)
        self.train, self.val, self.test = part("train", self.train_tf), part("val", self.eval_tf), part("test", self.eval_tf)
        self.pos_weight = float((meta[meta.split == "train"].pneumonia == 0).sum() / (meta[meta.split == "train"].pneumonia == 1).sum())

    def train_dataloader(self):
        return DataLoader(self.train, batch_size=self.bs, shuffle=True, num_workers=6)

    def val_dataloader(self):
        return DataLoader(self.val, batch_size=self.bs, num_workers=6)

    def test_dataloader(self):
        return DataLoader(self.test, batch_size=self.bs, num_workers=6)
