import logging
import math
from pathlib import Path

import torch
from torch import nn

log = logging.getLogger(__name__)


class LeakTrainer:
    def __init__(self, model: nn.Module, lr: float, accum_steps: int, patience: int, ckpt: Path, device: str):
        self.model = model.to(device)
        self.opt = torch.optim.Adam(model.parameters(), lr=lr)
        self.loss_fn = nn.L1Loss()
        self.accum = accum_steps
        self.patience = patience
        self.ckpt = ckpt
        self.device = device

    def train_one_epoch(self, loader) -> float:
        self.model.train()
        self.model.zero_grad(set_to_none=True)
        running = 0.0
        for step, (xb, yb) in enumerate(loader, start=1):
            xb, yb = xb.to(self.device), yb.to(self.device)
            loss = self.loss_fn(self.model(xb), yb) / self.accum
            loss.backward()
            running += loss.item() * self.accum
            if step % self.accum == 0 or step == len(loader):
                nn.utils.clip_grad_norm_(self.model.parameters(), 1.0)
                self.opt.step()
                self.model.zero_grad(set_to_none=True)
        return running / len(loader)

    @torch.inference_mode()
    def mae(self, loader) -> float:
        self.model.train(False)
        err, n = 0.0, 0
        for xb, yb in loader:
            err += (self.model(xb.to(self.device)).cpu() - yb).abs().sum().item()
            n += len(yb)
        return err / n

    def fit(self, train_loader, val_loader, epochs: int) -> float:
        best, stale = math.inf, 0
        for ep in range(epochs):
            tr = self.train_one_epoch(train_loader)
            va = self.mae(val_loader)
            log.info("epoch %d train_mae %.4f val_mae %.4f", ep, tr, va)
            if va < best:
                best, stale = va, 0
                torch.save({"epoch": ep, "state": self.model.state_dict(), "val_mae": va}, self.ckpt)
            else:
                stale += 1
                if stale > self.patience:
                    break
        self.model.load_state_dict(torch.load(self.ckpt, map_location=self.device)["state"])
        return best
