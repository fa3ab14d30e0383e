import h5py
import numpy as np
import torch
from sklearn.model_selection import train_test_split
from torch.utils.data import Dataset
from torchvision import transforms

CLASSES = [
    "disturbed", "merging", "round_smooth", "in_between_smooth", "cigar_smooth",
    "barred_spiral", "unbarred_tight_spiral", "unbarred_loose_spiral",
    "edge_on_no_bulge", "edge_on_bulge",
]

TRAIN_TF = transforms.Compose([
    transforms.ToTensor(),
    transforms.RandomHorizontalFlip(),
    transforms.RandomVerticalFlip(),
    transforms.RandomRotation(180),
    transforms.CenterCrop(192),
    transforms.Resize(128, antialias=True),
])
EVAL_TF = transforms.Compose([
    transforms.ToTensor(),
    transforms.CenterCrop(192),
    transforms.Resize(128, antialias=True),
])


class Galaxy10(Dataset):
    def __init__(self, images, labels, transform):
        self.images, self.labels, self.transform = images, labels, transform

    def __len__(self):
        return len(self.labels)

    def __getitem__(self, i):
        return self.transform(self.images[i]), int(self.labels[i])


def load_splits(path, seed):
    with h5py.File(path, "r") as f:
        images = f["images"][:]          # (17736, 256, 256, 3) uint8
        labels = f["ans"][:].astype(np.int64)
    idx = np.arange(len(labels))
    tr, te = train_test_split(idx, test_size=0.15, stratify=labels, random_state=seed)
    tr, va = train_test_split(tr, test_size=0.15, stratify=labels[tr], random_state=seed)
    return (Galaxy10(images[tr], labels[tr], TRAIN_TF),
            Galaxy10(images[va], labels[va], EVAL_TF),
            Galaxy10(images[te], labels[te], EVAL_TF))
