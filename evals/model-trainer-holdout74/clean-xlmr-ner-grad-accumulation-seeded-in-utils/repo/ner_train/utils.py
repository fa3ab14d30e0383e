import json
import os
import random
from pathlib import Path

import numpy as np
import torch


def load_config(path):
    return json.loads(Path(path).read_text())


def set_seed(seed: int) -> torch.Generator:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)
    os.environ["PYTHONHASHSEED"] = str(seed)
    return torch.Generator().manual_seed(seed)


def init_tracking(cfg):
    key = os.environ.get("WANDB_API_KEY")
    if not key:
        return None
    import wandb

    wandb.login(key=key)
    return wandb.init(project=cfg["wandb_project"], config=cfg)
