from pathlib import Path

import torch
from PIL import Image
from torch.utils.data import Dataset
from torchvision import transforms

from .sampling import sample_test_indices, sample_train_indices

MEAN, STD = [0.485, 0.456, 0.406], [0.229, 0.224, 0.225]


def read_list(path):
    """Lines: '<video_dir> <num_frames> <label>'."""
    items = []
    for line in Path(path).read_text().splitlines():
        name, n, label = line.split()
        items.append((name, int(n), int(label)))
    return items


class TSNDataset(Dataset):
    def __init__(self, root, items, num_segments, train):
        self.root, self.items, self.k, self.train = Path(root), items, num_segments, train
        self.tf = transforms.Compose([
            transforms.RandomResizedCrop(224, scale=(0.6, 1.0)) if train else transforms.Compose(
                [transforms.Resize(256), transforms.CenterCrop(224)]),
            transforms.ToTensor(),
            transforms.Normalize(MEAN, STD),
        ])

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        name, n, label = self.items[i]
        idx = sample_train_indices(n, self.k) if self.train else sample_test_indices(n, self.k)
        frames = [self.tf(Image.open(self.root / name / f"img_{j + 1:05d}.jpg").convert("RGB")) for j in idx]
        return torch.stack(frames), label
