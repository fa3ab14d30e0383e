"""Per-channel image statistics for night-time / IR camera-trap imagery."""
import json
from pathlib import Path

import numpy as np
from PIL import Image


def compute_channel_stats(image_paths, max_side=512):
    """Mean and std per RGB channel in [0, 1], accumulated over all pixels."""
    total = np.zeros(3, dtype=np.float64)
    total_sq = np.zeros(3, dtype=np.float64)
    n_pixels = 0
    for path in image_paths:
        img = Image.open(path).convert("RGB")
        img.thumbnail((max_side, max_side))
        arr = np.asarray(img, dtype=np.float64) / 255.0
        flat = arr.reshape(-1, 3)
        total += flat.sum(axis=0)
        total_sq += (flat ** 2).sum(axis=0)
        n_pixels += flat.shape[0]
    mean = total / n_pixels
    std = np.sqrt(total_sq / n_pixels - mean ** 2)
    return {"mean": mean.tolist(), "std": std.tolist()}


def save_stats(stats, out_dir):
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    with open(Path(out_dir) / "channel_stats.json", "w") as f:
        json.dump(stats, f, indent=2)
