import os
import random
from pathlib import Path

import numpy as np
import torch


def seed_everything(seed: int) -> None:
    os.environ["PYTHONHASHSEED"] = str(seed)
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)
    torch.backends.cudnn.benchmark = False


class EarlyStopping:
    def __init__(self, patience: int, checkpoint_path: str):
        self.patience = patience
        self.path = Path(checkpoint_path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.best = float("inf")
        self.bad_epochs = 0

    def step(self, metric: float, model, **extra) -> bool:
        """Returns True when training should stop."""
        if metric < self.best:
            self.best, self.bad_epochs = metric, 0
            torch.save({"state_dict": model.state_dict(), "val_metric": metric, **extra}, self.path)
        else:
            self.bad_epochs += 1
        return self.bad_epochs >= self.patience
