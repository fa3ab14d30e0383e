import numpy as np
from PIL import Image


def channel_stats(paths, max_side=640):
    """Pixel mean/std in [0, 1] over the given images (thermal frames are single-channel, replicated to RGB)."""
    s, s2, n = 0.0, 0.0, 0
    for p in paths:
        img = Image.open(p).convert("L")
        img.thumbnail((max_side, max_side))
        a = np.asarray(img, dtype=np.float64) / 255.0
        s += a.sum()
        s2 += (a ** 2).sum()
        n += a.size
    mean = s / n
    std = float(np.sqrt(s2 / n - mean ** 2))
    return [mean] * 3, [std] * 3
