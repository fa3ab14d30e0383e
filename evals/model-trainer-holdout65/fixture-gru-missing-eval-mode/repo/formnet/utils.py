import random

import numpy as np
import torch


def seed_everything(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def ranked_probability_score(probs: np.ndarray, outcomes: np.ndarray) -> float:
    """RPS for ordered H/D/A outcomes, averaged over matches."""
    onehot = np.eye(3)[outcomes]
    cum_p = np.cumsum(probs, axis=1)[:, :-1]
    cum_o = np.cumsum(onehot, axis=1)[:, :-1]
    return float(np.mean(np.sum((cum_p - cum_o) ** 2, axis=1) / 2))
