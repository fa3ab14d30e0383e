import random

import numpy as np
import yaml


def load_config(path: str) -> dict:
    with open(path) as fh:
        cfg = yaml.safe_load(fh)
    random.seed(cfg["seed"])
    np.random.seed(cfg["seed"])
    return cfg
