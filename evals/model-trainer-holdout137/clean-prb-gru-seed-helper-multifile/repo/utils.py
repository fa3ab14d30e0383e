import os
import random

import numpy as np
import torch


def set_seed(seed: int) -> None:
    os.environ["PYTHONHASHSEED"] = str(seed)
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)
    torch.backends.cudnn.deterministic = True
    torch.backends.cudnn.benchmark = False


def make_windows(frame, inputs, target, lookback, horizon, cell_index):
    xs, ys, cs = [], [], []
    for cell, g in frame.groupby("cell_id", sort=False):
        x = g[inputs].to_numpy(np.float32)
        y = g[target].to_numpy(np.float32)
        for t in range(lookback, len(g) - horizon + 1):
            xs.append(x[t - lookback:t])
            ys.append(y[t:t + horizon])
            cs.append(cell_index[cell])
    return (torch.from_numpy(np.stack(xs)), torch.tensor(cs, dtype=torch.long),
            torch.from_numpy(np.stack(ys)))
