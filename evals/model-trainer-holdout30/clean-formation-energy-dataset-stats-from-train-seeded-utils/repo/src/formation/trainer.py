"""Epoch loop with validation, early stopping and best-checkpoint saving."""
from __future__ import annotations

import copy
import logging
from pathlib import Path

import torch
from torch import nn
from torch.utils.data import DataLoader

log = logging.getLogger(__name__)


class RegressionTrainer:
    def __init__(self, model: nn.Module, lr: float, weight_decay: float, patience: int, out_dir: str, device):
        self.model = model.to(device)
        self.device = device
        self.opt = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=weight_decay)
        self.sched = torch.optim.lr_scheduler.ReduceLROnPlateau(self.opt, factor=0.5, patience=patience // 3)
        self.loss_fn = nn.SmoothL1Loss(beta=0.05)
        self.patience = patience
        self.ckpt = Path(out_dir) / "best.pt"
        self.ckpt.parent.mkdir(parents=True, exist_ok=True)

    def _train_epoch(self, loader: DataLoader) -> float:
        self.model.train()
        total = 0.0
        for x, y in loader:
            x, y = x.to(self.device), y.to(self.device)
            self.opt.zero_grad(set_to_none=True)
            loss = self.loss_fn(self.model(x).squeeze(-1), y)
            loss.backward()
            self.opt.step()
            total += loss.item() * len(y)
        return total / len(loader.dataset)

    @torch.no_grad()
    def predict(self, loader: DataLoader) -> torch.Tensor:
        self.model.eval()
        return torch.cat([self.model(x.to(self.device)).squeeze(-1).cpu() for x, _ in loader])

    def fit(self, train_loader: DataLoader, val_loader: DataLoader, max_epochs: int) -> float:
        y_val = val_loader.dataset.y
        best_mae, best_state, stale = float("inf"), None, 0
        for epoch in range(max_epochs):
            train_loss = self._train_epoch(train_loader)
            val_mae = (self.predict(val_loader) - y_val).abs().mean().item()
            self.sched.step(val_mae)
            log.info("epoch %3d  train %.4f  val_mae %.4f", epoch, train_loss, val_mae)
            if val_mae < best_mae:
                best_mae, stale = val_mae, 0
                best_state = copy.deepcopy(self.model.state_dict())
                torch.save({"epoch": epoch, "state_dict": best_state, "val_mae": val_mae}, self.ckpt)
            else:
                stale += 1
                if stale >= self.patience:
                    log.info("early stop at epoch %d", epoch)
                    break
        self.model.load_state_dict(best_state)
        return best_mae
