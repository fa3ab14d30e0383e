import os
import random

import numpy as np
import torch
from sklearn.metrics import average_precision_score, roc_auc_score


def seed_everything(seed: int) -> torch.Generator:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)
    os.environ["PYTHONHASHSEED"] = str(seed)
    torch.backends.cudnn.benchmark = False
    g = torch.Generator()
    g.manual_seed(seed)
    return g


def evaluate(model, loader, device):
    model.eval()
    probs, ys = [], []
    with torch.inference_mode():
        for xn, xc, y in loader:
            probs.append(torch.sigmoid(model(xn.to(device), xc.to(device))).cpu())
            ys.append(y)
    p, y = torch.cat(probs).numpy(), torch.cat(ys).numpy()
    return {"auc": roc_auc_score(y, p), "ap": average_precision_score(y, p)}
