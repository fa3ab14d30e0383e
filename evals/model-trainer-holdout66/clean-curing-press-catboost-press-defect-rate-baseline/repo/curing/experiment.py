"""Experiment setup: config loading and global seeding."""
import os
import random
import tomllib

import numpy as np


def load_experiment(path="experiment.toml"):
    with open(path, "rb") as fh:
        cfg = tomllib.load(fh)
    seed_everything(cfg["seed"])
    return cfg


def seed_everything(seed):
    os.environ["PYTHONHASHSEED"] = str(seed)
    random.seed(seed)
    np.random.seed(seed)
