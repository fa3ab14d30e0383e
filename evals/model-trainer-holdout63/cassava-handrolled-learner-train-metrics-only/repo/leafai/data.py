from pathlib import Path

import torch
from PIL import Image
from torch.utils.data import Dataset
from torchvision import transforms

IMAGENET_STATS = ([0.485, 0.456, 0.406], [0.229, 0.224, 0.225])


def item_tfms(size, train):
    if train:
        return transforms.Compose([
            transforms.RandomResizedCrop(size, scale=(0.35, 1.0)),
            transforms.RandomHorizontalFlip(),
            transforms.RandomVerticalFlip(),
            transforms.ColorJitter(0.2, 0.2, 0.2),
            transforms.ToTensor(),
            transforms.Normalize(*IMAGENET_STATS),
        ])
    return transforms.Compose([
        transforms.Resize(size),
        transforms.CenterCrop(size),
        transforms.ToTensor(),
        transforms.Normalize(*IMAGENET_STATS),
    ])


class LeafImages(Dataset):
    def __init__(self, image_dir, image_ids, labels=None, tfms=None):
        self.image_dir = Path(image_dir)
        self.image_ids = list(image_ids)
        self.labels = None if labels is None else list(labels)
        self.tfms = tfms

    def __len__(self):
        return len(self.image_ids)

    def __getitem__(self, i):
        img = self.tfms(Image.open(self.image_dir / self.image_ids[i]).convert("RGB"))
        label = -1 if self.labels is None else self.labels[i]
        return img, torch.tensor(label)
