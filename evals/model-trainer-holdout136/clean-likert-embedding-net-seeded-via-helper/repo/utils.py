import os
import random

import numpy as np
import torch
import yaml


def load_config(path="config.yaml"):
    with open(path) as f:
        return yaml.safe_load(f)


def set_seed(seed: int) -> None:
    """Seed python, numpy and torch (CPU + CUDA) so runs are repeatable."""
    os.environ["PYTHONHASHSEED"] = str(seed)
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)
    torch.backends.cudnn.deterministic = True
    torch.backends.cudnn.benchmark = False


def item_columns(blocks):
    cols, levels = [], []
    for prefix, spec in blocks.items():
        for i in range(1, spec["n_items"] + 1):
            cols.append(f"{prefix}{i}")
            levels.append(spec["n_levels"])
    return cols, levels
