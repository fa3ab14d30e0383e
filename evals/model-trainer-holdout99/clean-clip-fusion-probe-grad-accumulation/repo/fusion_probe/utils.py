import os
import random

import numpy as np
import torch


def seed_everything(seed: int) -> torch.Generator:
    os.environ["PYTHONHASHSEED"] = str(seed)
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)
    torch.backends.cudnn.benchmark = False
    return torch.Generator().manual_seed(seed)


class EarlyStopper:
    def __init__(self, patience: int, mode: str = "max", min_delta: float = 1e-4):
        self.patience, self.mode, self.min_delta = patience, mode, min_delta
        self.best, self.bad = None, 0

    def step(self, value: float) -> bool:
        """Returns True when this value is a new best."""
        improved = (
            self.best is None
            or (self.mode == "max" and value > self.best + self.min_delta)
            or (self.mode == "min" and value < self.best - self.min_delta)
        )
        if improved:
            self.best, self.bad = value, 0
        else:
            self.bad += 1
        return improved

    @property
    def should_stop(self) -> bool:
        return self.bad >= self.patience
