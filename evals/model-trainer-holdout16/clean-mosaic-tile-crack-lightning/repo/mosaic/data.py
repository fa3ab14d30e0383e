import numpy as np
import pandas as pd
import torch
import lightning as L
from PIL import Image
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader, Dataset
from torchvision import transforms as T


class TileDataset(Dataset):
    def __init__(self, frame, root, tfm):
        self.paths = [f"{root}/{p}" for p in frame["file"]]
        self.labels = frame["cracked"].to_numpy()
        self.tfm = tfm

    def __len__(self):
        return len(self.paths)

    def __getitem__(self, i):
        img = Image.open(self.paths[i]).convert("RGB")
        return self.tfm(img), torch.tensor(self.labels[i], dtype=torch.float32)


class TileDataModule(L.LightningDataModule):
    def __init__(self, cfg):
        super().__init__()
        self.cfg = cfg

    def setup(self, stage=None):
        c = self.cfg
        df = pd.read_csv(c["manifest"])
        # split by installation so tiles from one wall never straddle splits
        walls = df.groupby("wall_id")["cracked"].max().reset_index()
        w_trval, w_test = train_test_split(walls, test_size=c["test_frac"], stratify=walls["cracked"],
                                           random_state=c["seed"])
        w_train, w_val = train_test_split(w_trval, test_size=c["val_frac"] / (1 - c["test_frac"]),
                                          stratify=w_trval["cracked"], random_state=c["seed"])
        part = lambda w: df[df["wall_id"].isin(w["wall_id"])]
        self.train_df, self.val_df, self.test_df = part(w_train), part(w_val), part(w_test)

        # channel statistics from the training tiles only
        sample = self.train_df.sample(min(500, len(self.train_df)), random_state=c["seed"])
        px = np.stack([np.asarray(Image.open(f"{c['image_root']}/{p}").convert("RGB").resize((64, 64)),
                                  dtype=np.float32) / 255.0 for p in sample["file"]])
        mean, std = px.mean(axis=(0, 1, 2)).tolist(), px.std(axis=(0, 1, 2)).tolist()

        s = c["img_size"]
        self.train_tfm = T.Compose([T.RandomResizedCrop(s, scale=(0.7, 1.0)), T.RandomHorizontalFlip(),
                                    T.RandomRotation(90), T.ToTensor(), T.Normalize(mean, std)])
        self.eval_tfm = T.Compose([T.Resize((s, s)), T.ToTensor(), T.Normalize(mean, std)])

    def train_dataloader(self):
        return DataLoader(TileDataset(self.train_df, self.cfg["image_root"], self.train_tfm),
                          batch_size=self.cfg["batch_size"], shuffle=True, num_workers=4)

    def val_dataloader(self):
        return DataLoader(TileDataset(self.val_df, self.cfg["image_root"], self.eval_tfm),
                          batch_size=self.cfg["batch_size"], num_workers=4)

    def test_dataloader(self):
        return DataLoader(TileDataset(self.test_df, self.cfg["image_root"], self.eval_tfm),
                          batch_size=self.cfg["batch_size"], num_workers=4)
