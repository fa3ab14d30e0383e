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
        self.loss_fn = nn.SmoothL1Loss()
        self.patience = patience
        self.ckpt = Path(ckpt_dir) / "best.pt"
        self.ckpt.parent.mkdir(parents=True, exist_ok=True)

    def _train_epoch(self, loader):
        self.model.train()
        total = 0.0
        for x, crew, y in loader:
            x, crew, y = x.to(self.device), crew.to(self.device), y.to(self.device)
            pred = self.model(x, crew)
            loss = self.loss_fn(pred, y)
            loss.backward()
            nn.utils.clip_grad_norm_(self.model.parameters(), 1.0)
            self.opt.step()
            total += loss.item() * len(y)
        return total / len(loader.dataset)

    @torch.no_grad()
    def evaluate(self, loader):
        self.model.eval()
        abs_err, n = 0.0, 0
        for x, crew, y in loader:
            pred = self.model(x.to(self.device), crew.to(self.device))
            abs_err += (pred - y.to(self.device)).abs().sum().item()
            n += len(y)
        return abs_err / n

    def fit(self, train_loader, val_loader, epochs=200):
        best, bad = float("inf"), 0
        for ep in range(epochs):
            tr_loss = self._train_epoch(train_loader)
            val_mae = self.evaluate(val_loader)
            log.info("epoch %d train_loss %.4f val_mae %.3fs", ep, tr_loss, val_mae)
            if val_mae < best - 1e-3:
                best, bad = val_mae, 0
                torch.save(self.model.state_dict(), self.ckpt)
            else:
                bad += 1
                if bad >= self.patience:
                    log.info("early stop at epoch %d", ep)
                    break
        self.model.load_state_dict(torch.load(self.ckpt))
        return best
