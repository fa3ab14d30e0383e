"""Per-band mean/std for input normalisation, estimated from the TRAIN tiles of splits.csv."""
import sys

import numpy as np
import pandas as pd

from src.landseg.data import read_mask, read_tile
from src.landseg.utils import load_cfg, write_json

cfg = load_cfg(sys.argv[1] if len(sys.argv) > 1 else "configs/landcover.yaml")
splits = pd.read_csv(cfg["paths"]["splits_csv"])
train = splits[splits.split == "train"]

s = s2 = None
n = 0
class_pixels = np.zeros(len(cfg["classes"]), dtype=np.int64)
for tile_path, mask_path in zip(train.tile_path, train.mask_path):
    tile = read_tile(tile_path)
    img = tile.reshape(-1, tile.shape[-1]).astype(np.float64)
    s = img.sum(0) if s is None else s + img.sum(0)
    s2 = (img ** 2).sum(0) if s2 is None else s2 + (img ** 2).sum(0)
    n += img.shape[0]
    class_pixels += np.bincount(read_mask(mask_path).ravel(), minlength=len(cfg["classes"]))
mean = s / n
std = np.sqrt(s2 / n - mean ** 2)
write_json({"mean": mean.tolist(), "std": std.tolist(), "train_class_pixels": class_pixels.tolist()},
           cfg["paths"]["stats_json"])
print("band mean", mean, "band std", std)
