"""Training engine: epochs, validation, early stopping and checkpointing."""
from __future__ import annotations

import logging
import math
from pathlib import Path

import torch
from sklearn.metrics import accuracy_score, f1_score
from torch import nn

log = logging.getLogger(__name__)


class Trainer:
    def __init__(self, model: nn.Module, optimizer, scheduler, device: torch.device,
                 ckpt_dir: str, patience: int, run=None) -> None:
        self.model = model.to(device)
        self.optimizer = optimizer
        self.scheduler = scheduler
        self.device = device
        self.criterion = nn.CrossEntropyLoss()
        self.ckpt_path = Path(ckpt_dir) / "best.pt"
        self.ckpt_path.parent.mkdir(parents=True, exist_ok=True)
        self.patience = patience
        self.run = run

    def train_one_epoch(self, loader) -> float:
        self.model.train()
        total = 0.0
        for xb, yb in loader:
            xb, yb = xb.to(self.device), yb.to(self.device)
            self.optimizer.zero_grad()
            loss = self.criterion(self.model(xb), yb)
            loss.backward()
            self.optimizer.step()
            total += loss.item() * xb.size(0)
        return total / len(loader.dataset)

    def validate(self, loader) -> dict:
        total, preds, targets = 0.0, [], []
        for xb, yb in loader:
            xb, yb = xb.to(self.device), yb.to(self.device)
            logits = self.model(xb)
            total += self.criterion(logits, yb).item() * xb.size(0)
            preds.append(logits.argmax(dim=1).cpu())
            targets.append(yb.cpu())
        y_pred = torch.cat(preds).numpy()
        y_true = torch.cat(targets).numpy()
        return {
            "loss": total / len(loader.dataset),
            "macro_f1": f1_score(y_true, y_pred, average="macro"),
            "accuracy": accuracy_score(y_true, y_pred),
        }

    def fit(self, train_loader, val_loader, epochs: int) -> float:
        best, stale = -math.inf, 0
        for epoch in range(1, epochs + 1):
            train_loss = self.train_one_epoch(train_loader)
            val = self.validate(val_loader)
            self.scheduler.step(val["loss"])
            log.info("epoch %03d train_loss=%.4f val_loss=%.4f val_f1=%.4f",
                     epoch, train_loss, val["loss"], val["macro_f1"])
            if self.run is not None:
                self.run.log({"epoch": epoch, "train/loss": train_loss, **{f"val/{k}": v for k, v in val.items()}})
            if val["macro_f1"] > best:
                best, stale = val["macro_f1"], 0
                torch.save({"epoch": epoch, "model": self.model.state_dict(), "val": val}, self.ckpt_path)
            else:
                stale += 1
                if stale >= self.patience:
                    log.info("early stopping at epoch %d (best val macro-F1 %.4f)", epoch, best)
                    break
        return best
