import os
import random

import numpy as np


def seed_everything(seed: int) -> np.random.Generator:
    os.environ["PYTHONHASHSEED"] = str(seed)
    random.seed(seed)
    np.random.seed(seed)
    return np.random.default_rng(seed)


def recall_at_budget(y_true, scores, budget):
    k = max(1, int(round(budget * len(scores))))
    top = np.argsort(-scores)[:k]
    return y_true[top].sum() / max(1, y_true.sum())
