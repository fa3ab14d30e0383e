import logging
from pathlib import Path

import torch
from torch import nn

log = logging.getLogger(__name__)


class Trainer:
    def __init__(self, model, lr=3e-4, weight_decay=1e-4, patience=8, ckpt_dir="checkpoints", device="cpu"):
        self.model = model.to(device)
        self.device = device
        self.opt = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=weight_decay)
        self.loss_fn = nn.HuberLoss(delta=2.0)
        self.patience = patience
        self.ckpt = Path(ckpt_dir)
        self.ckpt.mkdir(parents=True, exist_ok=True)

    def _step(self, batch):
        x, rank, y = (t.to(self.device) for t in batch)
        pred = self.model(x, rank)
        return self.loss_fn(pred, y), pred, y

    def train_epoch(self, loader):
        self.model.train()
        total = 0.0
        for batch in loader:
            loss, _, _ = self._step(batch)
            loss.backward()
            nn.utils.clip_grad_norm_(self.model.parameters(), 1.0)
            self.opt.step()
            total += loss.item() * len(batch[0])
        return total / len(loader.dataset)

    def evaluate(self, loader):
        preds, ys = [], []
        with torch.no_grad():
            for batch in loader:
                _, p, y = self._step(batch)
                preds.append(p.cpu())
                ys.append(y.cpu())
        p, y = torch.cat(preds), torch.cat(ys)
        return {"mae": (p - y).abs().mean().item(), "rmse": ((p - y) ** 2).mean().sqrt().item()}

    def fit(self, train_loader, val_loader, epochs=100):
        best, bad = float("inf"), 0
        self.opt.zero_grad()
        for ep in range(epochs):
            tr = self.train_epoch(train_loader)
            va = self.evaluate(val_loader)
            log.info("epoch %d train_huber %.3f val_mae %.3f val_rmse %.3f", ep, tr, va["mae"], va["rmse"])
            if va["mae"] < best:
                best, bad = va["mae"], 0
                torch.save(self.model.state_dict(), self.ckpt / "best.pt")
            else:
                bad += 1
                if bad >= self.patience:
                    log.info("early stop at epoch %d", ep)
                    break
        self.model.load_state_dict(torch.load(self.ckpt / "best.pt"))
        return best
