import random
from pathlib import Path

import numpy as np
import torch

try:
    import tomllib as toml_reader
except ModuleNotFoundError:  # Python < 3.11
    import tomli as toml_reader


def load_config(path="experiment.toml"):
    with open(path, "rb") as f:
        cfg = toml_reader.load(f)
    Path(cfg["run_dir"]).mkdir(parents=True, exist_ok=True)
    return cfg


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)
    torch.backends.cudnn.benchmark = False


def worker_init(worker_id):
    seed = torch.initial_seed() % 2**32
    np.random.seed(seed)
    random.seed(seed)
