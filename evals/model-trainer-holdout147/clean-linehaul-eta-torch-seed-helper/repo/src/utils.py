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
    g = torch.Generator()
    g.manual_seed(seed)
    return g


class EarlyStopper:
    def __init__(self, patience: int):
        self.patience, self.best, self.bad = patience, float("inf"), 0

    def step(self, value: float) -> bool:
        """Returns True when this value is a new best."""
        if value < self.best:
            self.best, self.bad = value, 0
            return True
        self.bad += 1
        return False

    @property
    def should_stop(self) -> bool:
        return self.bad >= self.patience
