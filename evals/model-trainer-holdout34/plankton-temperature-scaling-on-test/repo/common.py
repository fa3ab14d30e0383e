import random

import numpy as np
import timm
import torch
from torchvision import datasets, transforms as T

ARCH = "efficientnet_b0.ra_in1k"
ROOT = "data/plankton"  # ImageFolder layout: {train,val,test}/<taxon>/*.png
MEAN, STD = (0.485, 0.456, 0.406), (0.229, 0.224, 0.225)


def seed_all(seed=123):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def tfms(train):
    if train:
        return T.Compose([T.Grayscale(3), T.RandomResizedCrop(224, scale=(0.7, 1.0)), T.RandomRotation(180),
                          T.RandomHorizontalFlip(), T.ToTensor(), T.Normalize(MEAN, STD)])
    return T.Compose([T.Grayscale(3), T.Resize(236), T.CenterCrop(224), T.ToTensor(), T.Normalize(MEAN, STD)])


def folder(split):
    return datasets.ImageFolder(f"{ROOT}/{split}", transform=tfms(split == "train"))


def build(num_classes, pretrained=True):
    return timm.create_model(ARCH, pretrained=pretrained, num_classes=num_classes)


@torch.no_grad()
def collect_logits(model, loader, device):
    model.eval()
    zs, ys = [], []
    for x, y in loader:
        zs.append(model(x.to(device)).float().cpu())
        ys.append(y)
    return torch.cat(zs), torch.cat(ys)
