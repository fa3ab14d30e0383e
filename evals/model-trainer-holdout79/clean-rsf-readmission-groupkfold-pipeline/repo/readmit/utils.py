import os
import random

import numpy as np
import tomli


def load_settings(path: str = "settings.toml") -> dict:
    with open(path, "rb") as fh:
        return tomli.load(fh)


def seed_everything(seed: int) -> None:
    os.environ["PYTHONHASHSEED"] = str(seed)
    random.seed(seed)
    np.random.seed(seed)
