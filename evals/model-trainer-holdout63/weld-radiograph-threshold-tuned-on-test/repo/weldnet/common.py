import random

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
import yaml
from PIL import Image
from torch.utils.data import Dataset
from torchvision import models, transforms

MEAN, STD = [0.485, 0.456, 0.406], [0.229, 0.224, 0.225]


def load_config(path="config.yaml"):
    with open(path) as fh:
        return yaml.safe_load(fh)


def seed_all(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def build_transforms(img_size, train):
    ops = [transforms.Grayscale(3), transforms.Resize((img_size, img_size))]
    if train:
        ops += [transforms.RandomHorizontalFlip(), transforms.RandomAffine(degrees=5, translate=(0.03, 0.03)),
                transforms.ColorJitter(brightness=0.15, contrast=0.15)]
    ops += [transforms.ToTensor(), transforms.Normalize(MEAN, STD)]
    return transforms.Compose(ops)


class WeldPatches(Dataset):
    def __init__(self, frame, image_dir, transform):
        self.frame = frame.reset_index(drop=True)
        self.image_dir = image_dir
        self.transform = transform

    def __len__(self):
        return len(self.frame)

    def __getitem__(self, i):
        row = self.frame.iloc[i]
        img = Image.open(f"{self.image_dir}/{row.filename}")
        return self.transform(img), torch.tensor(row.defect, dtype=torch.float32)


def build_model():
    model = models.densenet121(weights=models.DenseNet121_Weights.IMAGENET1K_V1)
    model.classifier = nn.Linear(model.classifier.in_features, 1)
    return model


@torch.no_grad()
def predict_proba(model, loader, device):
    model.eval()
    probs, targets = [], []
    for x, y in loader:
        probs.append(torch.sigmoid(model(x.to(device)).squeeze(1)).cpu())
        targets.append(y)
    return torch.cat(targets).numpy(), torch.cat(probs).numpy()


def read_split(cfg, name):
    return pd.read_csv(f"{cfg['splits_dir']}/{name}.csv")
