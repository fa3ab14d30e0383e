import random
from pathlib import Path

import numpy as np
import torch


def seed_everything(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)
    torch.backends.cudnn.benchmark = False


class EarlyStopper:
    """Track the best validation logloss and save a checkpoint when it improves."""

    def __init__(self, patience: int, checkpoint: str):
        self.patience = patience
        self.checkpoint = Path(checkpoint)
        self.checkpoint.parent.mkdir(parents=True, exist_ok=True)
        self.best = float("inf")
        self.bad_epochs = 0

    def step(self, value: float, model: torch.nn.Module) -> bool:
        if value < self.best:
            self.best, self.bad_epochs = value, 0
            torch.save(model.state_dict(), self.checkpoint)
            return False
        self.bad_epochs += 1
        return self.bad_epochs >= self.patience
