from pathlib import Path

import lightning as L
from torch.utils.data import DataLoader
from torchvision import datasets, transforms

MEAN, STD = (0.485, 0.456, 0.406), (0.229, 0.224, 0.225)


class LeafDataModule(L.LightningDataModule):
    """Expects <root>/train/<class>/*.jpg and <root>/test/<class>/*.jpg (photos from the field trial)."""

    def __init__(self, root, image_size=256, batch_size=48, num_workers=8):
        super().__init__()
        self.root = Path(root)
        self.batch_size = batch_size
        self.num_workers = num_workers
        self.train_tf = transforms.Compose([
            transforms.RandomResizedCrop(image_size, scale=(0.6, 1.0)),
            transforms.RandomHorizontalFlip(),
            transforms.RandomVerticalFlip(),
            transforms.ColorJitter(0.2, 0.2, 0.15),
            transforms.ToTensor(),
            transforms.Normalize(MEAN, STD),
        ])
        self.eval_tf = transforms.Compose([
            transforms.Resize(int(image_size * 1.14)),
            transforms.CenterCrop(image_size),
            transforms.ToTensor(),
            transforms.Normalize(MEAN, STD),
        ])

    def setup(self, stage=None):
        self.train_ds = datasets.ImageFolder(self.root / "train", transform=self.train_tf)
        self.test_ds = datasets.ImageFolder(self.root / "test", transform=self.eval_tf)

    def _loader(self, ds, shuffle):
        return DataLoader(ds, batch_size=self.batch_size, shuffle=shuffle,
                          num_workers=self.num_workers, pin_memory=True)

    def train_dataloader(self):
        return self._loader(self.train_ds, shuffle=True)

    def val_dataloader(self):
        # no separate val folder in the release; monitor on the held-out field photos
        return self._loader(self.test_ds, shuffle=False)

    def test_dataloader(self):
        return self._loader(self.test_ds, shuffle=False)
