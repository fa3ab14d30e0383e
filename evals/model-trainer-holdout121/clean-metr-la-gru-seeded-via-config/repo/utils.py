import os
import random

import numpy as np
import torch
import yaml


def load_config(path):
    with open(path) as f:
        return yaml.safe_load(f)


def seed_everything(seed: int):
    random.seed(seed)
    os.environ["PYTHONHASHSEED"] = str(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)
    torch.backends.cudnn.benchmark = False


class MaskedScaler:
    """z-score using only observed (non-zero) readings."""

    def fit(self, arr):
        obs = arr[arr > 0]
        self.mean_, self.std_ = float(obs.mean()), float(obs.std())
        return self

    def transform(self, arr):
        return (arr - self.mean_) / self.std_

    def inverse(self, arr):
        return arr * self.std_ + self.mean_


def masked_mae(pred, true):
    mask = (true > 0).float()
    return (mask * (pred - true).abs()).sum() / mask.sum().clamp_min(1.0)
