import os
import random

import numpy as np


def seed_everything(seed: int) -> None:
    os.environ["PYTHONHASHSEED"] = str(seed)
    random.seed(seed)
    np.random.seed(seed)


def nmae(y_true, y_pred):
    """MAE on load factor, i.e. normalised by monitored capacity."""
    return float(np.mean(np.abs(np.asarray(y_true) - np.asarray(y_pred))))


def skill(score, ref):
    return 1.0 - score / ref
