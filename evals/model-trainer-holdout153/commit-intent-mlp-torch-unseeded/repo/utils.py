import json
import logging
import random
from pathlib import Path

import numpy as np

LABELS = ["corrective", "adaptive", "perfective"]


def set_seed(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)


def get_logger(name="commit-intent"):
    logging.basicConfig(level=logging.INFO, format="%(asctime)s | %(message)s")
    return logging.getLogger(name)


def save_json(obj, path):
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w") as fh:
        json.dump(obj, fh, indent=2)
