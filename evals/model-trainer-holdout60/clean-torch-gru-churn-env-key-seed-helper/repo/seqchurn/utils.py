import os
import random

import numpy as np
import torch


def set_seed(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)
    os.environ["PYTHONHASHSEED"] = str(seed)
    torch.backends.cudnn.benchmark = False


def init_tracking(cfg: dict):
    if not cfg["wandb"]["enabled"] or "WANDB_API_KEY" not in os.environ:
        return None
    import wandb

    wandb.login(key=os.environ["WANDB_API_KEY"])
    return wandb.init(project=cfg["wandb"]["project"], config=cfg)
