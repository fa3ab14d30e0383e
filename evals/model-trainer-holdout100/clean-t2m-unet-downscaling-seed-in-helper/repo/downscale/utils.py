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
    torch.backends.cudnn.benchmark = False
    torch.backends.cudnn.deterministic = True
    return torch.Generator().manual_seed(seed)


def init_tracking(cfg):
    """Start a W&B run if a key is available in the environment, otherwise run offline."""
    import wandb

    key = os.environ.get("WANDB_API_KEY")
    mode = "online" if key else "offline"
    if key:
        wandb.login(key=key)
    return wandb.init(project=cfg["logging"]["wandb_project"], entity=cfg["logging"]["wandb_entity"],
                      name=cfg["experiment"], config=cfg, mode=mode)


class EarlyStopper:
    def __init__(self, patience):
        self.patience, self.best, self.bad = patience, float("inf"), 0

    def step(self, value):
        if value < self.best:
            self.best, self.bad = value, 0
            return True
        self.bad += 1
        return False

    @property
    def should_stop(self):
        return self.bad >= self.patience
