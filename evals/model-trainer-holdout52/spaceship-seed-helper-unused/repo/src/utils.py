import os
import random
import time
from contextlib import contextmanager

import numpy as np
import tomli


def load_config(path):
    with open(path, "rb") as f:
        return tomli.load(f)


def seed_everything(seed: int = 42) -> None:
    random.seed(seed)
    os.environ["PYTHONHASHSEED"] = str(seed)
    np.random.seed(seed)


@contextmanager
def timer(name):
    t0 = time.time()
    yield
    print(f"[{name}] done in {time.time() - t0:.1f}s")
