import random

import numpy as np
import yaml


def load_settings(path="settings.yaml") -> dict:
    with open(path) as f:
        return yaml.safe_load(f)


def seed_everything(seed: int) -> np.random.Generator:
    random.seed(seed)
    np.random.seed(seed)
    return np.random.default_rng(seed)
