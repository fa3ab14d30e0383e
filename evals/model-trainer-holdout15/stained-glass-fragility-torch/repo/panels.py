"""Dataset of leaded stained-glass panel photographs (raking light), labelled by the
conservators as 'needs re-leading' (1) or 'stable' (0)."""
from pathlib import Path

import pandas as pd
import torch
from PIL import Image
from torch.utils.data import Dataset
from torchvision import transforms as T

BASE_TF = T.Compose([
    T.Resize((224, 224)),
    T.ToTensor(),
    T.Normalize(mean=[0.485, 0.456, 0.406], std=[0.229, 0.224, 0.225]),
])

# geometric variants used to top up the rare "needs re-leading" class
VARIANTS = [
    lambda x: torch.flip(x, dims=[2]),
    lambda x: torch.flip(x, dims=[1]),
    lambda x: torch.rot90(x, 1, dims=[1, 2]),
    lambda x: torch.rot90(x, 3, dims=[1, 2]),
]


class PanelDataset(Dataset):
    def __init__(self, index_csv: str, image_root: str, balance_minority: bool = True):
        meta = pd.read_csv(index_csv)
        root = Path(image_root)
        self.items: list[tuple[torch.Tensor, int]] = []
        for row in meta.itertuples():
            img = BASE_TF(Image.open(root / row.filename).convert("RGB"))
            self.items.append((img, int(row.needs_releading)))
            if balance_minority and row.needs_releading == 1:
                for f in VARIANTS:
                    self.items.append((f(img), 1))

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]
