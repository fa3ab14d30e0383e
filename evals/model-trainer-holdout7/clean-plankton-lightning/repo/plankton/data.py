import lightning as L
import numpy as np
import pandas as pd
import torch
import torchvision.transforms.v2 as T
from PIL import Image
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader, Dataset, WeightedRandomSampler


class CytometerImages(Dataset):
    def __init__(self, frame: pd.DataFrame, root: str, tfm):
        self.paths, self.labels, self.root, self.tfm = frame["file"].tolist(), frame["label"].to_numpy(), root, tfm

    def __len__(self):
        return len(self.labels)

    def __getitem__(self, i):
        img = Image.open(f"{self.root}/{self.paths[i]}").convert("L")
        return self.tfm(img), int(self.labels[i])


class PlanktonData(L.LightningDataModule):
    def __init__(self, index_csv: str, root: str, batch_size: int = 64, seed: int = 0):
        super().__init__()
        self.save_hyperparameters()
        common = [T.Resize((128, 128)), T.ToImage(), T.ToDtype(torch.float32, scale=True)]
        self.train_tfm = T.Compose([T.RandomRotation(180), T.RandomHorizontalFlip(), *common, T.Normalize([0.9], [0.15])])
        self.eval_tfm = T.Compose([*common, T.Normalize([0.9], [0.15])])

    def setup(self, stage=None):
        idx = pd.read_csv(self.hparams.index_csv)
        self.classes = sorted(idx["taxon"].unique())
        idx["label"] = idx["taxon"].map({c: i for i, c in enumerate(self.classes)})
        rest, test = train_test_split(idx, test_size=0.15, stratify=idx["label"], random_state=self.hparams.seed)
        train, val = train_test_split(rest, test_size=0.15, stratify=rest["label"], random_state=self.hparams.seed)
        self.train_counts = np.bincount(train["label"], minlength=len(self.classes))
        self.ds_train = CytometerImages(train, self.hparams.root, self.train_tfm)
        self.ds_val = CytometerImages(val, self.hparams.root, self.eval_tfm)
        self.ds_test = CytometerImages(test, self.hparams.root, self.eval_tfm)

    def train_dataloader(self):
        w = 1.0 / np.sqrt(self.train_counts[self.ds_train.labels])
        sampler = WeightedRandomSampler(torch.as_tensor(w, dtype=torch.double), num_samples=len(w), replacement=True,
                                        generator=torch.Generator().manual_seed(self.hparams.seed))
        return DataLoader(self.ds_train, batch_size=self.hparams.batch_size, sampler=sampler, num_workers=6)

    def val_dataloader(self):
        return DataLoader(self.ds_val, batch_size=256, num_workers=6)

    def test_dataloader(self):
        return DataLoader(self.ds_test, batch_size=256, num_workers=6)
