"""Small training-loop helper shared by the demand models."""
import copy
import logging
from pathlib import Path

import numpy as np
import torch

log = logging.getLogger(__name__)


class Trainer:
    def __init__(self, model, optimizer, loss_fn, device="cpu", patience=5, ckpt_path="checkpoints/best.pt", scheduler=None):
        self.model = model.to(device)
        self.optimizer = optimizer
        self.loss_fn = loss_fn
        self.device = device
        self.patience = patience
        self.ckpt_path = Path(ckpt_path)
        self.scheduler = scheduler
        self.history = []

    def _to_device(self, batch):
        return [t.to(self.device) for t in batch]

    def train_one_epoch(self, loader):
        self.model.train()
        total, n = 0.0, 0
        for store, item, dept, numeric, target in map(self._to_device, loader):
            self.optimizer.zero_grad()
            pred = self.model(store, item, dept, numeric)
            loss = self.loss_fn(pred, target)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(self.model.parameters(), 5.0)
            self.optimizer.step()
            total += loss.item() * len(target)
            n += len(target)
        return total / n

    def evaluate(self, loader):
        preds, targets = [], []
        for store, item, dept, numeric, target in map(self._to_device, loader):
            preds.append(self.model(store, item, dept, numeric).detach().cpu())
            targets.append(target.cpu())
        p = torch.cat(preds).numpy()
        t = torch.cat(targets).numpy()
        units_p, units_t = np.expm1(p).clip(min=0), np.expm1(t)
        return {
            "loss": float(np.mean((p - t) ** 2)),
            "mae_units": float(np.mean(np.abs(units_p - units_t))),
            "wape": float(np.abs(units_p - units_t).sum() / max(units_t.sum(), 1e-9)),
        }

    def fit(self, train_loader, val_loader, epochs):
        best, bad = float("inf"), 0
        self.ckpt_path.parent.mkdir(parents=True, exist_ok=True)
        for epoch in range(epochs):
            tr_loss = self.train_one_epoch(train_loader)
            val = self.evaluate(val_loader)
            if self.scheduler is not None:
                self.scheduler.step(val["loss"])
            self.history.append({"epoch": epoch, "train_loss": tr_loss, **val})
            log.info("epoch %d train %.4f val %.4f wape %.3f", epoch, tr_loss, val["loss"], val["wape"])
            if val["loss"] < best:
                best, bad = val["loss"], 0
                torch.save(self.model.state_dict(), self.ckpt_path)
            else:
                bad += 1
                if bad >= self.patience:
                    log.info("early stop at epoch %d", epoch)
                    break
        self.model.load_state_dict(torch.load(self.ckpt_path))
        return self.history
