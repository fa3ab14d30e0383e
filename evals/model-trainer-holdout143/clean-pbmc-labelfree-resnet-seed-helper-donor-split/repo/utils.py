import os
import random

import numpy as np
import torch


def set_seed(seed: int) -> torch.Generator:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)
    os.environ["PYTHONHASHSEED"] = str(seed)
    torch.backends.cudnn.benchmark = False
    return torch.Generator().manual_seed(seed)


def seed_worker(worker_id):
    s = torch.initial_seed() % 2**32
    np.random.seed(s)
    random.seed(s)


def per_image_norm(img, lo=0.5, hi=99.5):
    """Percentile-normalise each channel of one crop independently (C, H, W)."""
    out = np.empty_like(img, dtype=np.float32)
    for c in range(img.shape[0]):
        p_lo, p_hi = np.percentile(img[c], (lo, hi))
        out[c] = np.clip((img[c] - p_lo) / (p_hi - p_lo + 1e-6), 0.0, 1.0)
    return out
