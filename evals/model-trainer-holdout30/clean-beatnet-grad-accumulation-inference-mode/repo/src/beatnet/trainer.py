"""Trainer with gradient accumulation, validation-based early stopping and checkpointing."""
from __future__ import annotations

import logging
from pathlib import Path

import numpy as np
import torch
from sklearn.metrics import balanced_accuracy_score, f1_score
from torch import nn

log = logging.getLogger(__name__)


class AccumTrainer:
    def __init__(self, model: nn.Module, class_weights: torch.Tensor, lr: float, accum_steps: int,
                 patience: int, ckpt_dir: str, device: torch.device):
        self.model = model.to(device)
        self.device = device
        self.criterion = nn.CrossEntropyLoss(weight=class_weights.to(device))
        self.optimizer = torch.optim.Adam(model.parameters(), lr=lr)
        self.accum_steps = accum_steps
        self.patience = patience
        self.best_path = Path(ckpt_dir) / "best.pt"
        self.best_path.parent.mkdir(parents=True, exist_ok=True)

    def train_epoch(self, loader) -> float:
        self.model.train()
        self.optimizer.zero_grad(set_to_none=True)
        running = 0.0
        for step, (x, y) in enumerate(loader, start=1):
            x, y = x.to(self.device), y.to(self.device)
            loss = self.criterion(self.model(x), y) / self.accum_steps
            loss.backward()
            running += loss.item() * self.accum_steps
            if step % self.accum_steps == 0 or step == len(loader):
                nn.utils.clip_grad_norm_(self.model.parameters(), max_norm=1.0)
                self.optimizer.step()
                self.optimizer.zero_grad(set_to_none=True)
        return running / len(loader)

    @torch.inference_mode()
    def evaluate(self, loader) -> dict:
        self.model.eval()
        preds, labels = [], []
        for x, y in loader:
            preds.append(self.model(x.to(self.device)).argmax(dim=1).cpu().numpy())
            labels.append(y.numpy())
        y_pred, y_true = np.concatenate(preds), np.concatenate(labels)
        return {"macro_f1": f1_score(y_true, y_pred, average="macro"),
                "balanced_acc": balanced_accuracy_score(y_true, y_pred)}

    def fit(self, train_loader, val_loader, epochs: int) -> dict:
        best, stale, history = -1.0, 0, []
        for epoch in range(1, epochs + 1):
            loss = self.train_epoch(train_loader)
            val = self.evaluate(val_loader)
            history.append({"epoch": epoch, "train_loss": loss, **val})
            log.info("epoch %d loss %.4f val macro-F1 %.4f", epoch, loss, val["macro_f1"])
            if val["macro_f1"] > best:
                best, stale = val["macro_f1"], 0
                torch.save({"epoch": epoch, "state": self.model.state_dict()}, self.best_path)
            else:
                stale += 1
                if stale >= self.patience:
                    break
        self.model.load_state_dict(torch.load(self.best_path, map_location=self.device)["state"])
        return {"best_val_macro_f1": best, "epochs_run": len(history)}
