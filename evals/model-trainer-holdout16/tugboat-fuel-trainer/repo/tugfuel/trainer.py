import logging
import os

import torch
import torch.nn as nn

log = logging.getLogger(__name__)


class Trainer:
    def __init__(self, model, lr, weight_decay, ckpt_path, patience):
        self.model = model
        self.opt = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=weight_decay)
        self.loss_fn = nn.MSELoss()
        self.ckpt_path = ckpt_path
        self.patience = patience

    def train_epoch(self, loader):
        self.model.train()
        total = 0.0
        for xb, yb in loader:
            loss = self.loss_fn(self.model(xb), yb)
            loss.backward()
            self.opt.step()
            total += loss.item() * len(xb)
        return total / len(loader.dataset)

    def evaluate(self, loader):
        total = 0.0
        for xb, yb in loader:
            total += self.loss_fn(self.model(xb), yb).item() * len(xb)
        return total / len(loader.dataset)

    def fit(self, train_loader, val_loader, max_epochs):
        best, bad = float("inf"), 0
        os.makedirs(os.path.dirname(self.ckpt_path), exist_ok=True)
        for epoch in range(max_epochs):
            tr = self.train_epoch(train_loader)
            va = self.evaluate(val_loader)
            log.info("epoch %d train %.4f val %.4f", epoch, tr, va)
            if va < best:
                best, bad = va, 0
                torch.save(self.model.state_dict(), self.ckpt_path)
            else:
                bad += 1
                if bad >= self.patience:
                    log.info("early stop at epoch %d", epoch)
                    break
        self.model.load_state_dict(torch.load(self.ckpt_path))
        return best
