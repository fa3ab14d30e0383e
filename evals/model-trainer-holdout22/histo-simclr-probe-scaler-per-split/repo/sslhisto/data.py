import json
from pathlib import Path

from torch.utils.data import Subset
from torchvision import datasets, transforms

MEAN, STD = (0.5, 0.5, 0.5), (0.5, 0.5, 0.5)

simclr_aug = transforms.Compose([
    transforms.RandomResizedCrop(96, scale=(0.3, 1.0)),
    transforms.RandomHorizontalFlip(),
    transforms.RandomVerticalFlip(),
    transforms.RandomApply([transforms.ColorJitter(0.4, 0.4, 0.2, 0.05)], p=0.8),
    transforms.RandomGrayscale(p=0.2),
    transforms.GaussianBlur(9),
    transforms.ToTensor(),
    transforms.Normalize(MEAN, STD),
])

plain = transforms.Compose([transforms.Resize(96), transforms.ToTensor(), transforms.Normalize(MEAN, STD)])


class TwoViews:
    def __init__(self, t):
        self.t = t

    def __call__(self, img):
        return self.t(img), self.t(img)


def load_split(root, splits_file, split, transform):
    ds = datasets.ImageFolder(root, transform=transform)
    idx = json.loads(Path(splits_file).read_text())[split]
    return Subset(ds, idx)
