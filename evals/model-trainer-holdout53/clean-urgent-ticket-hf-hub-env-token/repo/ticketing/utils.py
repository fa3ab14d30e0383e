import os
import random

import numpy as np
import yaml


def load_config(path="config.yaml"):
    with open(path) as fh:
        return yaml.safe_load(fh)


def set_seed(seed):
    os.environ["PYTHONHASHSEED"] = str(seed)
    random.seed(seed)
    np.random.seed(seed)


def require_env(name):
    value = os.environ.get(name)
    if not value:
        raise RuntimeError(f"environment variable {name} is not set")
    return value
