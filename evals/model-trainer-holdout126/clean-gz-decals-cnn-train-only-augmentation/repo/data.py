import pandas as pd
import torch
from PIL import Image
from sklearn.model_selection import train_test_split
from torch.utils.data import Dataset
from torchvision import transforms as T


class GZDecals(Dataset):
    def __init__(self, df, image_dir, classes, transform):
        self.paths = [f"{image_dir}/{n[:4]}/{n}.png" for n in df["iauname"]]
        self.labels = df["label"].map({c: i for i, c in enumerate(classes)}).tolist()
        self.transform = transform

    def __len__(self):
        return len(self.paths)

    def __getitem__(self, i):
        img = Image.open(self.paths[i]).convert("RGB")
        return self.transform(img), torch.tensor(self.labels[i])


def make_transforms(size):
    train_tf = T.Compose([
        T.RandomRotation(180, interpolation=T.InterpolationMode.BILINEAR),
        T.RandomHorizontalFlip(),
        T.RandomResizedCrop(size, scale=(0.7, 0.9), ratio=(0.9, 1.1)),
        T.ColorJitter(brightness=0.1, contrast=0.1),
        T.ToTensor(),
    ])
    eval_tf = T.Compose([T.CenterCrop(int(size / 0.8)), T.Resize(size), T.ToTensor()])
    return train_tf, eval_tf


def make_datasets(cfg):
    cat = pd.read_csv(cfg["catalog"])
    # galaxies imaged in two DR releases appear twice; keep one row per object
    cat = cat.drop_duplicates(subset="iauname").reset_index(drop=True)

    train_df, test_df = train_test_split(
        cat, test_size=cfg["test_fraction"], stratify=cat["label"], random_state=cfg["seed"])
    train_df, val_df = train_test_split(
        train_df, test_size=cfg["val_fraction"] / (1 - cfg["test_fraction"]),
        stratify=train_df["label"], random_state=cfg["seed"])

    train_tf, eval_tf = make_transforms(cfg["image_size"])
    args = (cfg["image_dir"], cfg["classes"])
    return (GZDecals(train_df, *args, train_tf),
            GZDecals(val_df, *args, eval_tf),
            GZDecals(test_df, *args, eval_tf))
