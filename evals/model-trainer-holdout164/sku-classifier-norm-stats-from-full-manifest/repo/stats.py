"""Per-channel pixel statistics for the SKU crop dataset."""
import numpy as np
from PIL import Image
from tqdm import tqdm


def channel_stats(paths, size=224):
    """Mean/std per RGB channel over all pixels (images resized to size x size)."""
    s = np.zeros(3, dtype=np.float64)
    sq = np.zeros(3, dtype=np.float64)
    n = 0
    for p in tqdm(paths, desc="pixel stats"):
        img = Image.open(p).convert("RGB").resize((size, size))
        arr = np.asarray(img, dtype=np.float64) / 255.0
        s += arr.sum(axis=(0, 1))
        sq += (arr ** 2).sum(axis=(0, 1))
        n += arr.shape[0] * arr.shape[1]
    mean = s / n
    std = np.sqrt(sq / n - mean ** 2)
    return mean.tolist(), std.tolist()
