import os
import random

import numpy as np
import torch


def seed_all(seed: int) -> torch.Generator:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)
    torch.backends.cudnn.benchmark = False
    return torch.Generator().manual_seed(seed)


def init_tracking(project: str, config: dict):
    """Start a W&B run if credentials are available in the environment; otherwise run offline."""
    import wandb

    key = os.environ.get("WANDB_API_KEY")
    if key:
        wandb.login(key=key)
        return wandb.init(project=project, config=config)
    return wandb.init(project=project, config=config, mode="offline")
