import os
import random

import numpy as np
import torch
from sklearn.metrics import f1_score


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


@torch.inference_mode()
def evaluate(model, loader, device):
    was_training = model.training
    model.eval()
    preds, golds = [], []
    for x, lengths, y in loader:
        logits = model(x.to(device), lengths)
        preds.append(logits.argmax(-1).cpu())
        golds.append(y)
    model.train(was_training)
    return f1_score(torch.cat(golds), torch.cat(preds), average="macro")
