from pathlib import Path

import torch
from torch.utils.data import Dataset


class MfccClips(Dataset):
    """Pre-extracted 40x101 log-mel/MFCC tensors, one .pt per 1-second clip.

    Layout: <root>/<keyword>/<clip_id>.pt
    """

    def __init__(self, root: str):
        self.root = Path(root)
        self.keywords = sorted(p.name for p in self.root.iterdir() if p.is_dir())
        self.items = [(f, i) for i, kw in enumerate(self.keywords)
                      for f in sorted((self.root / kw).glob("*.pt"))]

    def __len__(self):
        return len(self.items)

    def __getitem__(self, idx):
        path, label = self.items[idx]
        return torch.load(path).unsqueeze(0), label
