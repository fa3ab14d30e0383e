import os
import random

import numpy as np
import torch


def set_seed(seed: int, deterministic: bool = True) -> torch.Generator:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)
    os.environ["PYTHONHASHSEED"] = str(seed)
    if deterministic:
        torch.backends.cudnn.deterministic = True
        torch.backends.cudnn.benchmark = False
    g = torch.Generator()
    g.manual_seed(seed)
    return g


class EarlyStopper:
    def __init__(self, patience=5, min_delta=0.0):
        self.patience, self.min_delta = patience, min_delta
        self.best, self.count = float("inf"), 0

    def step(self, value) -> bool:
        """Returns True when the metric improved."""
        if value < self.best - self.min_delta:
            self.best, self.count = value, 0
            return True
        self.count += 1
        return False

    @property
    def stop(self):
        return self.count >= self.patience
