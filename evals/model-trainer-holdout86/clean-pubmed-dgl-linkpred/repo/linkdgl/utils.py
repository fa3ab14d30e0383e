import os
import random

import dgl
import numpy as np
import torch


def seed_everything(seed: int) -> np.random.Generator:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    dgl.seed(seed)
    return np.random.default_rng(seed)


def wandb_settings():
    """Credentials come from the environment / CI secret store, never from the repo."""
    api_key = os.environ.get("WANDB_API_KEY")
    mode = "online" if api_key else "disabled"
    return api_key, mode
