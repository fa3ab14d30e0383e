import json
import logging
import os
import random

import numpy as np
import torch


def set_seed(seed: int) -> None:
    os.environ["PYTHONHASHSEED"] = str(seed)
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)
    torch.backends.cudnn.benchmark = False


def get_logger(name="polypseg"):
    logging.basicConfig(level=logging.INFO, format="%(asctime)s | %(message)s")
    return logging.getLogger(name)


def dump_json(obj, path):
    with open(path, "w") as f:
        json.dump(obj, f, indent=2)
