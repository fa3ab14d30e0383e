import random

import numpy as np
import torch
import yaml


def load_config(path):
    with open(path) as fh:
        cfg = yaml.safe_load(fh)
    seed_everything(cfg["seed"])
    return cfg


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def worker_init(worker_id):
    base = torch.initial_seed() % 2**32
    np.random.seed(base + worker_id)
