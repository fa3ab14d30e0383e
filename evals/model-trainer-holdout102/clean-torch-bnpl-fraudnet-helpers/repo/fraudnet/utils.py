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
    torch.backends.cudnn.benchmark = False
    return torch.Generator().manual_seed(seed)


class EarlyStopper:
    def __init__(self, patience: int, mode: str = "max"):
        self.patience, self.mode = patience, mode
        self.best, self.bad_epochs = None, 0

    def step(self, value: float) -> bool:
        """Returns True when `value` is a new best."""
        better = self.best is None or (value > self.best if self.mode == "max" else value < self.best)
        if better:
            self.best, self.bad_epochs = value, 0
        else:
            self.bad_epochs += 1
        return better

    @property
    def should_stop(self) -> bool:
        return self.bad_epochs >= self.patience
