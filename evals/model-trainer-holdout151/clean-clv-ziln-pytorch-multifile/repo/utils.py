import os
import random

import numpy as np
import torch


def seed_everything(seed: int) -> torch.Generator:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)
    os.environ["PYTHONHASHSEED"] = str(seed)
    g = torch.Generator()
    g.manual_seed(seed)
    return g


def normalized_gini(y_true: np.ndarray, y_pred: np.ndarray) -> float:
    def _gini(a, p):
        order = np.argsort(-p, kind="mergesort")
        cum = np.cumsum(a[order]) / a.sum()
        return cum.sum() / len(a) - (len(a) + 1) / (2 * len(a))
    return _gini(y_true, y_pred) / _gini(y_true, y_true)
