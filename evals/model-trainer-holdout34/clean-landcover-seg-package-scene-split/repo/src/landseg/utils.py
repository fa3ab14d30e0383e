import json
import random

import numpy as np
import torch
import yaml


def load_cfg(path):
    with open(path) as f:
        cfg = yaml.safe_load(f)
    seed_everything(cfg["seed"])
    return cfg


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def read_json(p):
    with open(p) as f:
        return json.load(f)


def write_json(obj, p):
    with open(p, "w") as f:
        json.dump(obj, f, indent=2)
