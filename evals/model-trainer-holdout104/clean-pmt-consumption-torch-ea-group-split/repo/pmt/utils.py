import random

import numpy as np
import torch
import yaml


def load_config(path):
    with open(path) as fh:
        return yaml.safe_load(fh)


def set_seed(seed: int) -> torch.Generator:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)
    return torch.Generator().manual_seed(seed)
