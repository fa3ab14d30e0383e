import os

from PIL import Image
from torch.utils.data import Dataset
from torchvision import transforms

MEAN, STD = (0.485, 0.456, 0.406), (0.229, 0.224, 0.225)  # imagenet stats


def build_transforms(train, size=224):
    if train:
        return transforms.Compose([
            transforms.RandomResizedCrop(size, scale=(0.6, 1.0)),
            transforms.RandomHorizontalFlip(),
            transforms.ColorJitter(0.2, 0.2, 0.2),
            transforms.ToTensor(),
            transforms.Normalize(MEAN, STD),
        ])
    return transforms.Compose([
        transforms.Resize(int(size * 1.14)),
        transforms.CenterCrop(size),
        transforms.ToTensor(),
        transforms.Normalize(MEAN, STD),
    ])


class LeafDataset(Dataset):
    """folder-per-class layout: root/<class_name>/*.jpg"""

    def __init__(self, root, transform=None):
        self.classes = sorted(d for d in os.listdir(root) if os.path.isdir(os.path.join(root, d)))
        self.n_classes = len(self.classes)
        self.samples, self.targets = [], []
        for idx, c in enumerate(self.classes):
            for fn in sorted(os.listdir(os.path.join(root, c))):
                if fn.lower().endswith((".jpg", ".jpeg", ".png")):
                    self.samples.append(os.path.join(root, c, fn))
                    self.targets.append(idx)
        self.transform = transform

    def __len__(self):
        return len(self.samples)

    def __getitem__(self, i):
        img = Image.open(self.samples[i]).convert("RGB")
        if self.transform is not None:
            img = self.transform(img)
        return img, self.targets[i]
