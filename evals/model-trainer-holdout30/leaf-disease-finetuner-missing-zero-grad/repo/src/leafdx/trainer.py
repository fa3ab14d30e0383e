"""Fine-tuning loop with validation-based early stopping."""
from __future__ import annotations

import logging
from pathlib import Path

import numpy as np
import torch
from sklearn.metrics import balanced_accuracy_score, f1_score
from torch import nn

log = logging.getLogger(__name__)


class FineTuner:
    def __init__(self, model: nn.Module, cfg: dict, steps_per_epoch: int, device: torch.device):
        self.model = model.to(device)
        self.device = device
        self.epochs = cfg["epochs"]
        self.patience = cfg["patience"]
        self.amp = device.type == "cuda"
        self.criterion = nn.CrossEntropyLoss(label_smoothing=0.1)
        self.optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])
        self.scheduler = torch.optim.lr_scheduler.OneCycleLR(
            self.optimizer, max_lr=cfg["lr"], epochs=self.epochs, steps_per_epoch=steps_per_epoch
        )
        self.ckpt = Path(cfg["ckpt_dir"]) / "best.pt"
        self.ckpt.parent.mkdir(parents=True, exist_ok=True)

    @torch.no_grad()
    def evaluate(self, loader) -> dict:
        self.model.eval()
        preds, labels = [], []
        for images, target in loader:
            logits = self.model(images.to(self.device, non_blocking=True))
            preds.append(logits.argmax(1).cpu().numpy())
            labels.append(target.numpy())
        y_pred, y_true = np.concatenate(preds), np.concatenate(labels)
        return {
            "macro_f1": f1_score(y_true, y_pred, average="macro"),
            "balanced_acc": balanced_accuracy_score(y_true, y_pred),
        }

    def fit(self, train_loader, val_loader) -> dict:
        best, stale = -1.0, 0
        for epoch in range(self.epochs):
            self.model.train()
            running = 0.0
            for images, labels in train_loader:
                images = images.to(self.device, non_blocking=True)
                labels = labels.to(self.device, non_blocking=True)
                with torch.autocast(device_type=self.device.type, dtype=torch.bfloat16, enabled=self.amp):
                    logits = self.model(images)
                    loss = self.criterion(logits, labels)
                loss.backward()
                self.optimizer.step()
                self.scheduler.step()
                running += loss.item() * images.size(0)

            val = self.evaluate(val_loader)
            log.info("epoch %d loss %.4f val_f1 %.4f val_bacc %.4f", epoch, running / len(train_loader.dataset),
                     val["macro_f1"], val["balanced_acc"])
            if val["macro_f1"] > best:
                best, stale = val["macro_f1"], 0
                torch.save(self.model.state_dict(), self.ckpt)
            else:
                stale += 1
                if stale >= self.patience:
                    break
        self.model.load_state_dict(torch.load(self.ckpt, map_location=self.device))
        return {"best_val_macro_f1": best}
