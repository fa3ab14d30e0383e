"""MVTec-style folder helpers."""
from pathlib import Path

from PIL import Image
from torch.utils.data import Dataset
from torchvision import transforms

IMAGENET_MEAN = [0.485, 0.456, 0.406]
IMAGENET_STD = [0.229, 0.224, 0.225]


def build_transform(size):
    return transforms.Compose([
        transforms.Resize((size, size)),
        transforms.ToTensor(),
        transforms.Normalize(IMAGENET_MEAN, IMAGENET_STD),
    ])


def good_images(root, category):
    cat = Path(root) / category
    # all defect-free captures for the category
    return sorted(cat.glob("train/good/*.png")) + sorted(cat.glob("test/good/*.png"))


def test_images(root, category):
    items = []
    for d in sorted((Path(root) / category / "test").iterdir()):
        label = 0 if d.name == "good" else 1
        items += [(p, label) for p in sorted(d.glob("*.png"))]
    return items


class ImageList(Dataset):
    def __init__(self, items, transform):
        self.items = [it if isinstance(it, tuple) else (it, 0) for it in items]
        self.transform = transform

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        path, label = self.items[i]
        return self.transform(Image.open(path).convert("RGB")), label
