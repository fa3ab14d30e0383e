import os
import random

import numpy as np
import torch


def set_seed(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)
    os.environ["PYTHONHASHSEED"] = str(seed)


@torch.no_grad()
def evaluate(model, loader, device):
    model.eval()
    sq_err, abs_pct, n = 0.0, 0.0, 0
    for x, y in loader:
        x, y = x.to(device), y.to(device)
        pred = model(x)
        sq_err += torch.sum((pred - y) ** 2).item()
        abs_pct += torch.sum(torch.abs(torch.expm1(pred) / torch.expm1(y) - 1)).item()
        n += y.numel()
    return {"rmse_log": (sq_err / n) ** 0.5, "mape": abs_pct / n}
