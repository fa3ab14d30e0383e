"""Oxford-102-style flower folders: <root>/train/<class>/*.jpg and <root>/test/<class>/*.jpg."""
from pathlib import Path

import lightning as L
from torch.utils.data import DataLoader
from torchvision import datasets, transforms

IMAGENET_MEAN = (0.485, 0.456, 0.406)
IMAGENET_STD = (0.229, 0.224, 0.225)


class FlowerData(L.LightningDataModule):
    def __init__(self, root: str, batch_size: int = 32, num_workers: int = 4, img_size: int = 224):
        super().__init__()
        self.root = Path(root)
        self.batch_size = batch_size
        self.num_workers = num_workers
        self.train_tf = transforms.Compose([
            transforms.RandomResizedCrop(img_size, scale=(0.6, 1.0)),
            transforms.RandomHorizontalFlip(),
            transforms.ToTensor(),
            transforms.Normalize(IMAGENET_MEAN, IMAGENET_STD),
        ])
        self.eval_tf = transforms.Compose([
            transforms.Resize(int(img_size * 1.14)),
            transforms.CenterCrop(img_size),
            transforms.ToTensor(),
            transforms.Normalize(IMAGENET_MEAN, IMAGENET_STD),
        ])

    def setup(self, stage=None):
        self.train_set = datasets.ImageFolder(self.root / "train", transform=self.train_tf)
        self.test_set = datasets.ImageFolder(self.root / "test", transform=self.eval_tf)
        self.num_classes = len(self.train_set.classes)

    def train_dataloader(self):
        return DataLoader(self.train_set, batch_size=self.batch_size, shuffle=True,
                          num_workers=self.num_workers, pin_memory=True)

    def test_dataloader(self):
        return DataLoader(self.test_set, batch_size=self.batch_size * 2,
                          num_workers=self.num_workers)
