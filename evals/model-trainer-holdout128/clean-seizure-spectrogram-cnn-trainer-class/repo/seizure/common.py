import random

import numpy as np
import torch
import yaml


def load_config(path):
    with open(path) as f:
        cfg = yaml.safe_load(f)
    set_seed(cfg["seed"])
    return cfg


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)
