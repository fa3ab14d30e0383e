"""Data helpers for the KolektorSDD2 surface-defect classifier."""
from pathlib import Path

import numpy as np
import pandas as pd
import torch
from PIL import Image, ImageOps
from torch.utils.data import Dataset


def index_images(root):
    """One row per image; an image is defective when its *_GT.png mask has any positive pixel."""
    rows = []
    for img in sorted(Path(root).glob("*.png")):
        if img.stem.endswith("_GT"):
            continue
        mask = np.asarray(Image.open(img.with_name(f"{img.stem}_GT.png")))
        rows.append({"path": str(img), "defect": int(mask.max() > 0)})
    return pd.DataFrame(rows)


def channel_mean_std(paths, size):
    total, total_sq, n = np.zeros(3), np.zeros(3), 0
    for p in paths:
        arr = np.asarray(Image.open(p).convert("RGB").resize(size), dtype=np.float64) / 255.0
        total += arr.sum(axis=(0, 1))
        total_sq += (arr ** 2).sum(axis=(0, 1))
        n += arr.shape[0] * arr.shape[1]
    mean = total / n
    return mean.tolist(), np.sqrt(total_sq / n - mean ** 2).tolist()


def write_flipped_copies(frame, out_dir):
    """Add horizontally / vertically flipped copies of the given rows; returns the new rows."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    new_rows = []
    for row in frame.itertuples():
        img = Image.open(row.path).convert("RGB")
        for tag, op in (("hflip", ImageOps.mirror), ("vflip", ImageOps.flip)):
            dst = out_dir / f"{Path(row.path).stem}_{tag}.png"
            op(img).save(dst)
            new_rows.append({"path": str(dst), "defect": row.defect})
    return pd.DataFrame(new_rows)


class SurfaceDataset(Dataset):
    def __init__(self, frame, transform):
        self.paths = frame["path"].tolist()
        self.labels = frame["defect"].astype("float32").tolist()
        self.transform = transform

    def __len__(self):
        return len(self.paths)

    def __getitem__(self, i):
        return self.transform(Image.open(self.paths[i]).convert("RGB")), torch.tensor(self.labels[i])
