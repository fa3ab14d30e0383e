from pathlib import Path

import lightning as L
import pandas as pd
import torch
from PIL import Image
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader, Dataset
from torchvision import transforms


class GalaxyImages(Dataset):
    def __init__(self, frame: pd.DataFrame, image_dir: str, tf):
        self.files = frame["file"].tolist()
        self.labels = frame["label"].tolist()
        self.image_dir = Path(image_dir)
        self.tf = tf

    def __len__(self):
        return len(self.files)

    def __getitem__(self, i):
        img = Image.open(self.image_dir / self.files[i]).convert("RGB")
        return self.tf(img), self.labels[i]


class GalaxyDataModule(L.LightningDataModule):
    def __init__(self, cfg):
        super().__init__()
        self.cfg = cfg
        # galaxies have no preferred orientation, so rotations/flips are label-preserving
        self.train_tf = transforms.Compose([
            transforms.RandomRotation(180),
            transforms.RandomHorizontalFlip(),
            transforms.RandomVerticalFlip(),
            transforms.Resize(cfg.img_size),
            transforms.ToTensor(),
        ])
        self.eval_tf = transforms.Compose([transforms.Resize(cfg.img_size), transforms.ToTensor()])

    def setup(self, stage=None):
        frame = pd.read_csv(self.cfg.labels_csv)
        self.class_names = sorted(frame["morphology"].unique())
        frame["label"] = frame["morphology"].map({c: i for i, c in enumerate(self.class_names)})

        dev, test = train_test_split(frame, test_size=self.cfg.test_frac,
                                     stratify=frame["label"], random_state=self.cfg.seed)
        rel_val = self.cfg.val_frac / (1 - self.cfg.test_frac)
        train, val = train_test_split(dev, test_size=rel_val,
                                      stratify=dev["label"], random_state=self.cfg.seed)
        self.train_frame, self.val_frame, self.test_frame = train, val, test
        self.train_ds = GalaxyImages(train, self.cfg.image_dir, self.train_tf)
        self.val_ds = GalaxyImages(val, self.cfg.image_dir, self.eval_tf)
        self.test_ds = GalaxyImages(test, self.cfg.image_dir, self.eval_tf)

    def train_dataloader(self):
        return DataLoader(self.train_ds, batch_size=self.cfg.batch_size, shuffle=True,
                          num_workers=self.cfg.num_workers, persistent_workers=True,
                          generator=torch.Generator().manual_seed(self.cfg.seed))

    def val_dataloader(self):
        return DataLoader(self.val_ds, batch_size=self.cfg.batch_size * 2, num_workers=self.cfg.num_workers)

    def test_dataloader(self):
        return DataLoader(self.test_ds, batch_size=self.cfg.batch_size * 2, num_workers=self.cfg.num_workers)
