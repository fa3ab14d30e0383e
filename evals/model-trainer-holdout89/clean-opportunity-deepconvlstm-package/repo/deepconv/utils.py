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
    torch.backends.cudnn.deterministic = True
    torch.backends.cudnn.benchmark = False


class EarlyStopper:
    def __init__(self, patience: int, mode: str = "max"):
        self.patience, self.mode = patience, mode
        self.best, self.bad = None, 0

    def step(self, value: float) -> bool:
        """Returns True when the monitored value improved."""
        improved = self.best is None or (value > self.best if self.mode == "max" else value < self.best)
        if improved:
            self.best, self.bad = value, 0
        else:
            self.bad += 1
        return improved

    @property
    def should_stop(self) -> bool:
        return self.bad >= self.patience
