import os
import random

import numpy as np
import torch
import yaml
from datasets import load_dataset


def load_cfg(path):
    with open(path) as fh:
        return yaml.safe_load(fh)


def seed_all(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def load_splits(cfg):
    token = os.environ.get("HF_TOKEN")  # only needed behind the corporate mirror
    return load_dataset(cfg["dataset"], cfg["subset"], revision=cfg["dataset_revision"], token=token)
