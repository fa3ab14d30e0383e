import os
import random

import numpy as np
import torch


def seed_all(seed: int) -> None:
    os.environ["PYTHONHASHSEED"] = str(seed)
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def warmup_inverse_sqrt(step: int, warmup: int) -> float:
    step = max(step, 1)
    return min(step / warmup, (warmup / step) ** 0.5)
