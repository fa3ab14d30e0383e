"""Trainer with gradient accumulation, AMP and callback hooks."""
from __future__ import annotations

import numpy as np
import torch
from sklearn.metrics import accuracy_score, f1_score
from torch import nn


class Trainer:
    def __init__(self, model: nn.Module, cfg: dict, callbacks: list, device: torch.device):
        self.model = model.to(device)
        self.cfg = cfg["trainer"]
        self.device = device
        self.callbacks = callbacks
        self.optimizer = torch.optim.AdamW(model.parameters(), **cfg["optim"])
        self.criterion = nn.CrossEntropyLoss()
        self.use_amp = self.cfg["amp"] and device.type == "cuda"
        self.scaler = torch.cuda.amp.GradScaler(enabled=self.use_amp)
        self.should_stop = False

    def _optimizer_step(self) -> None:
        self.scaler.unscale_(self.optimizer)
        nn.utils.clip_grad_norm_(self.model.parameters(), self.cfg["grad_clip"])
        self.scaler.step(self.optimizer)
        self.scaler.update()
        self.optimizer.zero_grad(set_to_none=True)

    def train_epoch(self, loader) -> float:
        self.model.train()
        accum = self.cfg["accumulate_grad_batches"]
        total, n = 0.0, 0
        for step, (x, y) in enumerate(loader, start=1):
            x, y = x.to(self.device), y.to(self.device)
            with torch.autocast(device_type=self.device.type, enabled=self.use_amp):
                loss = self.criterion(self.model(x), y)
            self.scaler.scale(loss / accum).backward()
            if step % accum == 0 or step == len(loader):
                self._optimizer_step()
            total += loss.item() * len(y)
            n += len(y)
        return total / n

    def evaluate(self, loader, prefix: str) -> dict[str, float]:
        self.model.train(False)
        losses, preds, targets = [], [], []
        with torch.inference_mode():
            for x, y in loader:
                x, y = x.to(self.device), y.to(self.device)
                logits = self.model(x)
                losses.append(self.criterion(logits, y).item() * len(y))
                preds.append(logits.argmax(1).cpu().numpy())
                targets.append(y.cpu().numpy())
        p, t = np.concatenate(preds), np.concatenate(targets)
        return {f"{prefix}_loss": sum(losses) / len(t), f"{prefix}_acc": accuracy_score(t, p),
                f"{prefix}_f1_macro": f1_score(t, p, average="macro")}

    def fit(self, train_loader, val_loader, max_epochs: int) -> None:
        for epoch in range(max_epochs):
            train_loss = self.train_epoch(train_loader)
            metrics = {"epoch": epoch, "train_loss": train_loss, **self.evaluate(val_loader, "val")}
            print({k: round(v, 4) if isinstance(v, float) else v for k, v in metrics.items()})
            for cb in self.callbacks:
                cb.on_validation_end(self, metrics)
            if self.should_stop:
                break
