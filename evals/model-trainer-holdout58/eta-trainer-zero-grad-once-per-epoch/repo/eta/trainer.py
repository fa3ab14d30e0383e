from __future__ import annotations

import logging
import math
from pathlib import Path

import torch
from torch import nn

logger = logging.getLogger(__name__)


class Trainer:
    def __init__(self, model: nn.Module, optimizer: torch.optim.Optimizer, device: torch.device,
                 grad_clip: float = 1.0, log_fn=None) -> None:
        self.model = model.to(device)
        self.optimizer = optimizer
        self.device = device
        self.grad_clip = grad_clip
        self.loss_fn = nn.HuberLoss(delta=5.0)
        self.log_fn = log_fn or (lambda metrics, step: None)

    def train_epoch(self, loader) -> float:
        self.model.train()
        self.optimizer.zero_grad(set_to_none=True)
        total, n = 0.0, 0
        for features, target in loader:
            features, target = features.to(self.device), target.to(self.device)
            pred = self.model(features).squeeze(-1)
            loss = self.loss_fn(pred, target)
            loss.backward()
            nn.utils.clip_grad_norm_(self.model.parameters(), self.grad_clip)
            self.optimizer.step()
            total += loss.item() * target.numel()
            n += target.numel()
        return total / n

    @torch.no_grad()
    def predict(self, loader) -> tuple[torch.Tensor, torch.Tensor]:
        self.model.eval()
        preds, targets = [], []
        for features, target in loader:
            preds.append(self.model(features.to(self.device)).squeeze(-1).cpu())
            targets.append(target)
        return torch.cat(preds), torch.cat(targets)

    def fit(self, train_loader, val_loader, epochs: int, patience: int, checkpoint: str | Path) -> float:
        checkpoint = Path(checkpoint)
        checkpoint.parent.mkdir(parents=True, exist_ok=True)
        best, stale = math.inf, 0
        for epoch in range(1, epochs + 1):
            train_loss = self.train_epoch(train_loader)
            pred, target = self.predict(val_loader)
            val_mae = (pred - target).abs().mean().item()
            self.log_fn({"train/huber": train_loss, "val/mae": val_mae}, epoch)
            logger.info("epoch %d train_huber=%.3f val_mae=%.3f", epoch, train_loss, val_mae)
            if val_mae < best - 1e-3:
                best, stale = val_mae, 0
                torch.save(self.model.state_dict(), checkpoint)
            else:
                stale += 1
                if stale >= patience:
                    logger.info("early stop at epoch %d", epoch)
                    break
        self.model.load_state_dict(torch.load(checkpoint, map_location=self.device))
        return best
