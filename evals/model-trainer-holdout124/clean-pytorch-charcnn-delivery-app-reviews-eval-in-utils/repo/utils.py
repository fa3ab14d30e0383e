import os
import random

import numpy as np
import torch
from sklearn.metrics import f1_score


def set_seed(seed: int) -> None:
    random.seed(seed)
    os.environ["PYTHONHASHSEED"] = str(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)
    torch.backends.cudnn.benchmark = False


class CharEncoder:
    def __init__(self, alphabet, max_chars):
        self.index = {c: i + 2 for i, c in enumerate(alphabet)}  # 0 = pad, 1 = unknown char
        self.max_chars = max_chars
        self.size = len(alphabet) + 2

    def __call__(self, text):
        ids = [self.index.get(c, 1) for c in str(text).lower()[: self.max_chars]]
        out = torch.zeros(self.max_chars, dtype=torch.long)
        out[: len(ids)] = torch.tensor(ids, dtype=torch.long)
        return out


@torch.no_grad()
def evaluate(model, loader, device, criterion=None):
    model.eval()
    all_pred, all_y, total_loss = [], [], 0.0
    for x, y in loader:
        x, y = x.to(device), y.to(device)
        logits = model(x)
        if criterion is not None:
            total_loss += criterion(logits, y).item() * y.size(0)
        all_pred.append(logits.argmax(1).cpu())
        all_y.append(y.cpu())
    pred, gold = torch.cat(all_pred).numpy(), torch.cat(all_y).numpy()
    return {
        "loss": total_loss / len(gold),
        "macro_f1": f1_score(gold, pred, average="macro"),
        "acc": float((pred == gold).mean()),
    }
