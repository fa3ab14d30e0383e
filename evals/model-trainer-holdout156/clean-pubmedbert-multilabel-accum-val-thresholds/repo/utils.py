import os
import random

import numpy as np
import torch


def seed_everything(seed: int) -> None:
    os.environ["PYTHONHASHSEED"] = str(seed)
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def best_thresholds(y_true, probs, grid=np.linspace(0.05, 0.95, 19)):
    """Per-label threshold maximising F1 on the given (validation) predictions."""
    ths = []
    for j in range(y_true.shape[1]):
        f1s = []
        for t in grid:
            p = probs[:, j] >= t
            tp = (p & (y_true[:, j] == 1)).sum()
            f1s.append(2 * tp / max(p.sum() + y_true[:, j].sum(), 1))
        ths.append(grid[int(np.argmax(f1s))])
    return np.array(ths)
