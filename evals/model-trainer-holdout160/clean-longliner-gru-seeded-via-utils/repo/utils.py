import os
import random

import numpy as np
import torch
from sklearn.metrics import average_precision_score, roc_auc_score


def set_seed(seed: int) -> None:
    random.seed(seed)
    os.environ["PYTHONHASHSEED"] = str(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)
    torch.backends.cudnn.deterministic = True
    torch.backends.cudnn.benchmark = False


@torch.inference_mode()
def predict_proba(model, loader, device):
    was_training = model.training
    model.eval()
    out, ys = [], []
    for xb, yb in loader:
        out.append(torch.sigmoid(model(xb.to(device))).cpu())
        ys.append(yb)
    model.train(was_training)
    return torch.cat(ys).numpy(), torch.cat(out).numpy()


def metrics(y, p):
    return {"auc": roc_auc_score(y, p), "ap": average_precision_score(y, p)}
