import random

import numpy as np
import torch


def seed_all(seed: int) -> torch.Generator:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)
    return torch.Generator().manual_seed(seed)


def rmse(pred, target):
    return float(torch.sqrt(torch.mean((pred - target) ** 2)))


def mae(pred, target):
    return float(torch.mean(torch.abs(pred - target)))
