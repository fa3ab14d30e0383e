import random

import numpy as np
import torch


def set_seed(seed: int) -> torch.Generator:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    return torch.Generator().manual_seed(seed)


def regression_report(y: torch.Tensor, p: torch.Tensor) -> dict:
    err = p - y
    ss_res = (err ** 2).sum()
    ss_tot = ((y - y.mean()) ** 2).sum()
    return {"rmse": err.pow(2).mean().sqrt().item(), "mae": err.abs().mean().item(),
            "r2": (1 - ss_res / ss_tot).item()}
