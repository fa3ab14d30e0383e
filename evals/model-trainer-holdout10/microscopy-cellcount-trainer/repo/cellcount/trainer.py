import logging
from pathlib import Path

import numpy as np
import torch
from torch import nn

log = logging.getLogger(__name__)


class Trainer:
    def __init__(self, model: nn.Module, lr: float, weight_decay: float, out_dir: str, device: str = "cpu"):
        self.model = model.to(device)
        self.device = device
        self.opt = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=weight_decay)
        self.sched = torch.optim.lr_scheduler.ReduceLROnPlateau(self.opt, factor=0.5, patience=4)
        self.loss_fn = nn.SmoothL1Loss()
        self.out = Path(out_dir)
        self.out.mkdir(parents=True, exist_ok=True)

    def _train_epoch(self, loader) -> float:
        self.model.train()
        total = 0.0
        for x, count in loader:
            x, target = x.to(self.device), torch.log1p(count.to(self.device))
            self.opt.zero_grad(set_to_none=True)
            loss = self.loss_fn(self.model(x), target)
            loss.backward()
            self.opt.step()
            total += loss.item() * x.size(0)
        return total / len(loader.dataset)

    @torch.no_grad()
    def evaluate(self, loader) -> dict:
        preds, trues = [], []
        for x, count in loader:
            pred = torch.expm1(self.model(x.to(self.device))).clamp(min=0)
            preds.append(pred.cpu())
            trues.append(count)
        p, t = torch.cat(preds).numpy().ravel(), torch.cat(trues).numpy().ravel()
        return {"mae": float(np.mean(np.abs(p - t))),
                "rel_err": float(np.mean(np.abs(p - t) / np.maximum(t, 1)))}

    def fit(self, train_loader, val_loader, epochs: int, patience: int) -> Path:
        best, wait = float("inf"), 0
        ckpt = self.out / "best.pt"
        for epoch in range(epochs):
            tr_loss = self._train_epoch(train_loader)
            val = self.evaluate(val_loader)
            self.sched.step(val["mae"])
            log.info("epoch %d loss %.4f val MAE %.2f rel %.3f", epoch, tr_loss, val["mae"], val["rel_err"])
            if val["mae"] < best:
                best, wait = val["mae"], 0
                torch.save(self.model.state_dict(), ckpt)
            else:
                wait += 1
                if wait >= patience:
                    log.info("stopping early at epoch %d (best val MAE %.2f)", epoch, best)
                    break
        self.model.load_state_dict(torch.load(ckpt, map_location=self.device))
        return ckpt
