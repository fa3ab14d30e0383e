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
    return torch.Generator().manual_seed(seed)


class EarlyStopper:
    def __init__(self, patience=8, min_delta=1e-4):
        self.patience, self.min_delta = patience, min_delta
        self.best, self.bad = -float("inf"), 0

    def step(self, score) -> bool:
        """Returns True when the score improved."""
        if score > self.best + self.min_delta:
            self.best, self.bad = score, 0
            return True
        self.bad += 1
        return False

    @property
    def should_stop(self):
        return self.bad >= self.patience
