import logging
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

log = logging.getLogger(__name__)


class Trainer:
    def __init__(self, model, optimizer, device, ckpt_dir, patience=8, scheduler=None):
        self.model = model.to(device)
        self.opt = optimizer
        self.sched = scheduler
        self.device = device
        self.ckpt = Path(ckpt_dir)
        self.ckpt.mkdir(parents=True, exist_ok=True)
        self.patience = patience

    def train_epoch(self, loader):
        self.model.train()
        total, n = 0.0, 0
        for xb, yb in loader:
            xb, yb = xb.to(self.device), yb.to(self.device)
            self.opt.zero_grad()
            loss = F.cross_entropy(self.model(xb), yb, label_smoothing=0.05)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(self.model.parameters(), 5.0)
            self.opt.step()
            total += loss.item() * len(yb)
            n += len(yb)
        return total / n

    def evaluate(self, loader):
        losses, preds, gold = [], [], []
        for xb, yb in loader:
            xb, yb = xb.to(self.device), yb.to(self.device)
            logits = self.model(xb)
            losses.append(F.cross_entropy(logits, yb, reduction="sum").item())
            preds.append(logits.argmax(1).cpu().numpy())
            gold.append(yb.cpu().numpy())
        preds, gold = np.concatenate(preds), np.concatenate(gold)
        return sum(losses) / len(gold), preds, gold

    def fit(self, train_loader, val_loader, epochs):
        best, bad = float("inf"), 0
        for ep in range(1, epochs + 1):
            tr_loss = self.train_epoch(train_loader)
            va_loss, va_pred, va_gold = self.evaluate(val_loader)
            va_acc = (va_pred == va_gold).mean()
            if self.sched is not None:
                self.sched.step(va_loss)
            log.info("epoch %03d  train %.4f  val %.4f  val_acc %.3f", ep, tr_loss, va_loss, va_acc)
            if va_loss < best - 1e-4:
                best, bad = va_loss, 0
                torch.save(self.model.state_dict(), self.ckpt / "best.pt")
            else:
                bad += 1
                if bad >= self.patience:
                    log.info("early stop at epoch %d", ep)
                    break
        self.model.load_state_dict(torch.load(self.ckpt / "best.pt", map_location=self.device))
        return best
