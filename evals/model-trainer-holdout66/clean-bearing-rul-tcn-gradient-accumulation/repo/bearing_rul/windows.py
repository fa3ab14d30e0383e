import numpy as np
import pandas as pd
import torch
from torch.utils.data import TensorDataset


def health_fraction(frame):
    """Target = remaining life as a fraction of the bearing's total life (1 -> 0)."""
    t_end = frame.groupby("bearing_id")["t_s"].transform("max")
    return 1.0 - frame["t_s"] / t_end


def windows_for(frame, feature_cols, window, mean, std):
    xs, ys = [], []
    for _, g in frame.sort_values(["bearing_id", "t_s"]).groupby("bearing_id"):
        x = ((g[feature_cols] - mean) / std).to_numpy(np.float32)
        y = g["rul_frac"].to_numpy(np.float32)
        for end in range(window, len(g) + 1):
            xs.append(x[end - window : end].T)
            ys.append(y[end - 1])
    return TensorDataset(torch.from_numpy(np.stack(xs)), torch.from_numpy(np.array(ys)))
