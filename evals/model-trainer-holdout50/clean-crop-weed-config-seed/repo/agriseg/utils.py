import os
import random
import tomllib
from types import SimpleNamespace

import numpy as np
import torch


def load_config(path):
    with open(path, "rb") as f:
        raw = tomllib.load(f)
    return SimpleNamespace(**{k: SimpleNamespace(**v) for k, v in raw.items()})


def seed_everything(seed):
    os.environ["PYTHONHASHSEED"] = str(seed)
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)
    torch.backends.cudnn.benchmark = False


def worker_init(worker_id):
    seed = torch.initial_seed() % 2 ** 32
    np.random.seed(seed)
    random.seed(seed)
