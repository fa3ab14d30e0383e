import os
import random

import numpy as np
import torch


def set_seed(seed):
    os.environ["PYTHONHASHSEED"] = str(seed)
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)
    torch.backends.cudnn.benchmark = False


@torch.no_grad()
def evaluate(model, loader, device):
    model.eval()
    abs_err, sq_err, n = 0.0, 0.0, 0
    for zone, x, y in loader:
        zone, x, y = zone.to(device), x.to(device), y.to(device)
        pred = model(zone, x).clamp(min=0)
        abs_err += (pred - y).abs().sum().item()
        sq_err += ((pred - y) ** 2).sum().item()
        n += y.numel()
    return {"mae": abs_err / n, "rmse": (sq_err / n) ** 0.5}
