"""Trainer with callbacks for early stopping and best-model checkpointing."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import torch
from sklearn.metrics import average_precision_score, roc_auc_score
from torch import nn


class EarlyStopping:
    def __init__(self, patience: int):
        self.patience, self.best, self.wait = patience, -np.inf, 0

    def __call__(self, score: float) -> bool:
        if score > self.best:
            self.best, self.wait = score, 0
        else:
            self.wait += 1
        return self.wait >= self.patience


class Checkpoint:
    def __init__(self, path: str):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.best = -np.inf

    def __call__(self, model: nn.Module, score: float) -> None:
        if score > self.best:
            self.best = score
            torch.save(model.state_dict(), self.path)


class Trainer:
    def __init__(self, model: nn.Module, cfg: dict, pos_weight: float):
        self.model = model
        self.cfg = cfg
        self.opt = torch.optim.AdamW(model.parameters(), **cfg["optim"])
        self.loss_fn = nn.BCEWithLogitsLoss(pos_weight=torch.tensor(pos_weight))
        self.stopper = EarlyStopping(cfg["trainer"]["patience"])
        self.ckpt = Checkpoint(cfg["trainer"]["ckpt_path"])

    def train_epoch(self, loader) -> float:
        self.model.train()
        total = 0.0
        for xb, yb in loader:
            self.opt.zero_grad()
            loss = self.loss_fn(self.model(xb), yb)
            loss.backward()
            self.opt.step()
            total += loss.item() * len(yb)
        return total / len(loader.dataset)

    @torch.no_grad()
    def evaluate(self, loader) -> dict[str, float]:
        self.model.eval()
        logits, ys = [], []
        for xb, yb in loader:
            logits.append(self.model(xb))
            ys.append(yb)
        p = torch.sigmoid(torch.cat(logits)).numpy()
        y = torch.cat(ys).numpy()
        return {"auc": roc_auc_score(y, p), "ap": average_precision_score(y, p)}

    def fit(self, train_loader, val_loader, log=print) -> None:
        for epoch in range(self.cfg["trainer"]["max_epochs"]):
            loss = self.train_epoch(train_loader)
            val = self.evaluate(val_loader)
            log(f"epoch {epoch:03d} loss {loss:.4f} val_auc {val['auc']:.4f} val_ap {val['ap']:.4f}")
            self.ckpt(self.model, val["auc"])
            if self.stopper(val["auc"]):
                break
        self.model.load_state_dict(torch.load(self.ckpt.path))
