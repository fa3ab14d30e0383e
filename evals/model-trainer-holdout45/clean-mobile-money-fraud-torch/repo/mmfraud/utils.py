import os
import random

import numpy as np
import torch


def seed_everything(seed: int) -> None:
    random.seed(seed)
    os.environ["PYTHONHASHSEED"] = str(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)
    torch.backends.cudnn.deterministic = True
    torch.backends.cudnn.benchmark = False


def threshold_for_precision(y_true, proba, min_precision):
    order = np.argsort(-proba)
    tp = np.cumsum(y_true[order])
    precision = tp / np.arange(1, len(order) + 1)
    ok = np.where(precision >= min_precision)[0]
    k = ok[-1] if len(ok) else 0
    return float(proba[order][k])
