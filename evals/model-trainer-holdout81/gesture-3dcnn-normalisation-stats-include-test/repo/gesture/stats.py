import numpy as np


def compute_clip_stats(clips, chunk=256):
    """Per-channel mean/std over (N, T, H, W, C) uint8 clips, streamed in chunks to bound memory."""
    n_pix = 0
    s = np.zeros(clips.shape[-1], dtype=np.float64)
    sq = np.zeros(clips.shape[-1], dtype=np.float64)
    for start in range(0, len(clips), chunk):
        block = clips[start:start + chunk].astype(np.float64) / 255.0
        s += block.sum(axis=(0, 1, 2, 3))
        sq += (block ** 2).sum(axis=(0, 1, 2, 3))
        n_pix += block[..., 0].size
    mean = s / n_pix
    std = np.sqrt(sq / n_pix - mean ** 2)
    return mean.astype(np.float32), std.astype(np.float32)
