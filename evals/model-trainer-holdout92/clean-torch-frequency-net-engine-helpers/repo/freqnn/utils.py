import os
import random

import numpy as np
import torch


def seed_everything(seed: int) -> None:
    random.seed(seed)
    os.environ["PYTHONHASHSEED"] = str(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)
    torch.backends.cudnn.deterministic = True
    torch.backends.cudnn.benchmark = False


def poisson_deviance(y, mu):
    y, mu = np.asarray(y, dtype=float), np.asarray(mu, dtype=float)
    ylog = np.where(y > 0, y * np.log(np.where(y > 0, y, 1.0) / mu), 0.0)
    return 2.0 * np.mean(ylog - (y - mu))


def gini(claims, mu, exposure):
    order = np.argsort(np.asarray(mu) / np.asarray(exposure))
    x = np.concatenate([[0.0], np.cumsum(np.asarray(exposure)[order]) / np.sum(exposure)])
    y = np.concatenate([[0.0], np.cumsum(np.asarray(claims)[order]) / np.sum(claims)])
    return 1.0 - 2.0 * np.trapz(y, x)
