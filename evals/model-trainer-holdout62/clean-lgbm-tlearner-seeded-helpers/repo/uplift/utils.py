import os
import random

import numpy as np
import yaml


def load_config(path):
    with open(path) as fh:
        cfg = yaml.safe_load(fh)
    seed_everything(cfg["seed"])
    return cfg


def seed_everything(seed: int) -> None:
    os.environ["PYTHONHASHSEED"] = str(seed)
    random.seed(seed)
    np.random.seed(seed)
