import os
import random

import numpy as np


def set_global_seed(seed: int) -> np.random.Generator:
    """Seed python/numpy globals and return a Generator for explicit use."""
    os.environ["PYTHONHASHSEED"] = str(seed)
    random.seed(seed)
    np.random.seed(seed)
    return np.random.default_rng(seed)
