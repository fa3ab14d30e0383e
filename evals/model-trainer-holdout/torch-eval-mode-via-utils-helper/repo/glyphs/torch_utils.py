import os
import random

import numpy as np
import torch


def fix_seeds(seed: int) -> torch.Generator:
    """Seed python, numpy and torch; returns a generator for DataLoader shuffling and random_split."""
    os.environ["PYTHONHASHSEED"] = str(seed)
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)
    torch.backends.cudnn.benchmark = False
    torch.backends.cudnn.deterministic = True
    return torch.Generator().manual_seed(seed)


def inference_ready(net: torch.nn.Module) -> torch.nn.Module:
    """Dropout off, batch-norm running statistics frozen."""
    net.eval()
    return net


def count_params(net: torch.nn.Module) -> int:
    return sum(p.numel() for p in net.parameters() if p.requires_grad)
