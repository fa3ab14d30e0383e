import os
import random

import numpy as np
import torch
from sklearn.metrics import f1_score


def seed_everything(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)
    os.environ["PYTHONHASHSEED"] = str(seed)


@torch.no_grad()
def evaluate(model, loader, device):
    model.eval()
    preds, targets, top5_hits = [], [], 0
    for x, y in loader:
        logits = model(x.to(device, non_blocking=True))
        top5 = logits.topk(5, dim=1).indices.cpu()
        top5_hits += (top5 == y[:, None]).any(dim=1).sum().item()
        preds.append(top5[:, 0])
        targets.append(y)
    preds, targets = torch.cat(preds).numpy(), torch.cat(targets).numpy()
    return {
        "top1": float((preds == targets).mean()),
        "top5": top5_hits / len(targets),
        "macro_f1": float(f1_score(targets, preds, average="macro", zero_division=0)),
    }
