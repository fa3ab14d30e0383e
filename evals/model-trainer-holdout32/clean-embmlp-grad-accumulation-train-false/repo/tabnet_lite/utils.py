import os
import random

import numpy as np
import torch
from sklearn.metrics import average_precision_score, brier_score_loss, log_loss, roc_auc_score


def seed_everything(seed):
    random.seed(seed)
    os.environ["PYTHONHASHSEED"] = str(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def metrics_from_proba(y, p):
    p = np.clip(p, 1e-7, 1 - 1e-7)
    return {"roc_auc": float(roc_auc_score(y, p)) if len(set(y)) > 1 else float("nan"),
            "pr_auc": float(average_precision_score(y, p)),
            "log_loss": float(log_loss(y, p, labels=[0, 1])),
            "brier": float(brier_score_loss(y, p))}


class EarlyStopping:
    """keeps the best checkpoint on disk; stop after `patience` epochs without improvement"""

    def __init__(self, patience=5, mode="min", path="best.pt", min_delta=0.0):
        self.patience, self.mode, self.path, self.min_delta = patience, mode, path, min_delta
        self.best, self.counter, self.stop = None, 0, False

    def step(self, value, model):
        improved = self.best is None or (
            value > self.best + self.min_delta if self.mode == "max" else value < self.best - self.min_delta)
        if improved:
            self.best, self.counter = value, 0
            torch.save(model.state_dict(), self.path)
        else:
            self.counter += 1
            self.stop = self.counter >= self.patience
