import logging
from pathlib import Path

import numpy as np
import torch

log = logging.getLogger(__name__)


class Trainer:
    def __init__(self, model, optimizer, criterion, device, ckpt_dir, patience):
        self.model, self.optimizer, self.criterion = model, optimizer, criterion
        self.device = device
        self.ckpt = Path(ckpt_dir) / "best.pt"
        self.ckpt.parent.mkdir(parents=True, exist_ok=True)
        self.patience = patience

    def _train_epoch(self, loader):
        self.model.train()
        losses = []
        for xb, yb in loader:
            xb, yb = xb.to(self.device), yb.to(self.device)
            loss = self.criterion(self.model(xb), yb)
            loss.backward()
            self.optimizer.step()
            losses.append(loss.item())
        return float(np.mean(losses))

    @torch.no_grad()
    def predict(self, loader):
        self.model.eval()
        return torch.cat([self.model(xb.to(self.device)).cpu() for xb, _ in loader]).numpy()

    def _val_loss(self, loader):
        preds = self.predict(loader)
        target = torch.cat([yb for _, yb in loader]).numpy()
        return float(np.mean((preds - target) ** 2))

    def fit(self, train_loader, val_loader, max_epochs):
        best, wait = float("inf"), 0
        for epoch in range(max_epochs):
            tr = self._train_epoch(train_loader)
            va = self._val_loss(val_loader)
            log.info("epoch %3d | train mse %.5f | val mse %.5f", epoch, tr, va)
            if va < best - 1e-5:
                best, wait = va, 0
                torch.save(self.model.state_dict(), self.ckpt)
            else:
                wait += 1
                if wait >= self.patience:
                    log.info("stopping early after %d epochs", epoch + 1)
                    break
        self.model.load_state_dict(torch.load(self.ckpt))
        return best
