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
    torch.backends.cudnn.deterministic = True


class EarlyStopping:
    """Stop when the monitored validation loss has not improved for `patience` epochs."""

    def __init__(self, patience: int, path: Path):
        self.patience, self.path = patience, Path(path)
        self.best, self.counter = float("inf"), 0
        self.path.parent.mkdir(parents=True, exist_ok=True)

    def step(self, val_loss: float, model: torch.nn.Module) -> bool:
        if val_loss < self.best:
            self.best, self.counter = val_loss, 0
            torch.save(model.state_dict(), self.path)
            return False
        self.counter += 1
        return self.counter >= self.patience

    def restore(self, model: torch.nn.Module) -> None:
        model.load_state_dict(torch.load(self.path, map_location="cpu"))
