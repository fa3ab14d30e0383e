import os

import torchvision.transforms as T
from torch.utils.data import Dataset
from PIL import Image


def default_transform(size):
    return T.Compose([T.Resize((size, size)), T.ToTensor(),
                      T.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225])])


class MVTecAD(Dataset):
    def __init__(self, root, category, split, size=256):
        self.tf = default_transform(size)
        base = os.path.join(root, category, split)
        self.items = []
        for defect in sorted(os.listdir(base)):
            for fname in sorted(os.listdir(os.path.join(base, defect))):
                self.items.append((os.path.join(base, defect, fname), int(defect != "good")))

    def __len__(self):
        return len(self.items)

    def __getitem__(self, idx):
        path, label = self.items[idx]
        return self.tf(Image.open(path).convert("RGB")), label
