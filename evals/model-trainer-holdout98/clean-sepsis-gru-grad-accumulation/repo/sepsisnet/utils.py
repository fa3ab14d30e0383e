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
    torch.backends.cudnn.benchmark = False
    torch.backends.cudnn.deterministic = True


class EarlyStopper:
    def __init__(self, patience: int):
        self.patience, self.best, self.bad = patience, -float("inf"), 0

    def step(self, score: float) -> tuple[bool, bool]:
        """Returns (improved, should_stop)."""
        if score > self.best:
            self.best, self.bad = score, 0
            return True, False
        self.bad += 1
        return False, self.bad >= self.patience
