import json

import numpy as np


def fit_cmvn(frame, feature_dir):
    """Per-bin mean/std over all frames of the clips listed in `frame`."""
    count, total, total_sq = 0, 0.0, 0.0
    for utt in frame["utt_id"]:
        f = np.load(f"{feature_dir}/{utt}.npy").astype(np.float64)
        total = total + f.sum(axis=1)
        total_sq = total_sq + (f ** 2).sum(axis=1)
        count += f.shape[1]
    mean = total / count
    std = np.sqrt(np.maximum(total_sq / count - mean ** 2, 1e-8))
    return {"mean": mean.tolist(), "std": std.tolist()}


def save_cmvn(stats, path):
    with open(path, "w") as f:
        json.dump(stats, f)


def apply_cmvn(feats, stats):
    mean = np.asarray(stats["mean"], dtype=np.float32)[:, None]
    std = np.asarray(stats["std"], dtype=np.float32)[:, None]
    return (feats - mean) / std
