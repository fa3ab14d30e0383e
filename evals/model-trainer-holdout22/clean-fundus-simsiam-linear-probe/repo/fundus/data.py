import json
from pathlib import Path

import pandas as pd
import torch
from PIL import Image
from torch.utils.data import Dataset
from torchvision import transforms

NORM = transforms.Normalize((0.485, 0.456, 0.406), (0.229, 0.224, 0.225))

two_view_aug = transforms.Compose([
    transforms.RandomResizedCrop(224, scale=(0.4, 1.0)),
    transforms.RandomHorizontalFlip(),
    transforms.RandomRotation(180),
    transforms.RandomApply([transforms.ColorJitter(0.3, 0.3, 0.2, 0.02)], p=0.8),
    transforms.ToTensor(),
    NORM,
])
eval_tf = transforms.Compose([transforms.Resize(256), transforms.CenterCrop(224), transforms.ToTensor(), NORM])


class Images(Dataset):
    def __init__(self, names, img_dir, transform, labels=None, views=1):
        self.names, self.img_dir, self.t, self.views = list(names), Path(img_dir), transform, views
        self.labels = labels

    def __len__(self):
        return len(self.names)

    def __getitem__(self, i):
        img = Image.open(self.img_dir / f"{self.names[i]}.jpeg").convert("RGB")
        x = [self.t(img) for _ in range(self.views)] if self.views > 1 else self.t(img)
        y = -1 if self.labels is None else int(self.labels[self.names[i]])
        return x, y


def split_names():
    return json.loads(Path("data/splits.json").read_text())


def unlabeled_pool(test_names):
    """Extra unlabeled screening images; any image that is also in the labelled test split is removed."""
    pool = pd.read_csv("data/unlabeled_pool.csv").image
    return [n for n in pool if n not in set(test_names)]


def grade_lookup():
    df = pd.read_csv("data/labels.csv")
    return dict(zip(df.image, df.grade))
