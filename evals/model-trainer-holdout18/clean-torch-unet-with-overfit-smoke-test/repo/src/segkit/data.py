from pathlib import Path

import numpy as np
import torch
from PIL import Image
from torch.utils.data import Dataset

CLASSES = ["background", "building", "road"]


class Tiles(Dataset):
    """512x512 aerial tiles + uint8 masks (0 bg, 1 building, 2 road)."""

    def __init__(self, root: str, split_file: str, flip: bool = False):
        self.root = Path(root)
        self.ids = [l.strip() for l in Path(split_file).read_text().splitlines() if l.strip()]
        self.flip = flip

    def __len__(self):
        return len(self.ids)

    def __getitem__(self, i):
        tid = self.ids[i]
        img = np.asarray(Image.open(self.root / "images" / f"{tid}.png").convert("RGB"), np.float32) / 255.0
        mask = np.asarray(Image.open(self.root / "masks" / f"{tid}.png"), np.int64)
        img, mask = torch.from_numpy(img).permute(2, 0, 1), torch.from_numpy(mask)
        if self.flip:
            if torch.rand(1).item() < 0.5:
                img, mask = img.flip(-1), mask.flip(-1)
            if torch.rand(1).item() < 0.5:
                img, mask = img.flip(-2), mask.flip(-2)
        return img, mask
