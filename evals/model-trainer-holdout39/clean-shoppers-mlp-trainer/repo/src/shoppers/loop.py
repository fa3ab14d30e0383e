from pathlib import Path

import numpy as np
import torch
from torch import nn


def train_epoch(model: nn.Module, loader, optimizer, loss_fn) -> float:
    model.train()
    total, n = 0.0, 0
    for xb, yb in loader:
        optimizer.zero_grad()
        loss = loss_fn(model(xb).squeeze(-1), yb)
        loss.backward()
        optimizer.step()
        total += loss.item() * len(yb)
        n += len(yb)
    return total / n


def predict(model: nn.Module, loader) -> tuple[np.ndarray, np.ndarray]:
    model.train(False)  # same as model.eval(): BatchNorm uses running stats, Dropout is off
    ys, ps = [], []
    with torch.inference_mode():
        for xb, yb in loader:
            ps.append(torch.sigmoid(model(xb).squeeze(-1)).numpy())
            ys.append(yb.numpy())
    return np.concatenate(ys), np.concatenate(ps)


class EarlyStopper:
    def __init__(self, patience: int, ckpt_path: Path):
        self.patience, self.ckpt_path = patience, ckpt_path
        self.best, self.bad_epochs = -np.inf, 0

    def step(self, score: float, model: nn.Module, epoch: int) -> bool:
        """Returns True when training should stop."""
        if score > self.best:
            self.best, self.bad_epochs = score, 0
            torch.save({"epoch": epoch, "state_dict": model.state_dict(), "val_score": score}, self.ckpt_path)
            return False
        self.bad_epochs += 1
        return self.bad_epochs >= self.patience

    def restore(self, model: nn.Module) -> int:
        ckpt = torch.load(self.ckpt_path)
        model.load_state_dict(ckpt["state_dict"])
        return ckpt["epoch"]
