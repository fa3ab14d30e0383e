import logging
from pathlib import Path

import numpy as np
import torch
from sklearn.metrics import average_precision_score, roc_auc_score
from torch import nn

log = logging.getLogger(__name__)


class Trainer:
    def __init__(self, model: nn.Module, lr: float, weight_decay: float, out_dir: str, device: str = "cpu"):
        self.model = model.to(device)
        self.device = device
        self.opt = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=weight_decay)
        self.loss_fn = nn.BCEWithLogitsLoss()
        self.ckpt = Path(out_dir) / "best.pt"
        self.ckpt.parent.mkdir(parents=True, exist_ok=True)

    def _train_epoch(self, loader) -> float:
        self.model.train()
        total = 0.0
        for xb, yb in loader:
            xb, yb = xb.to(self.device), yb.to(self.device)
            self.opt.zero_grad()
            loss = self.loss_fn(self.model(xb), yb)
            loss.backward()
            self.opt.step()
            total += loss.item() * len(xb)
        return total / len(loader.dataset)

    @torch.no_grad()
    def predict(self, loader) -> tuple[np.ndarray, np.ndarray]:
        self.model.eval()
        probs, ys = [], []
        for xb, yb in loader:
            probs.append(torch.sigmoid(self.model(xb.to(self.device))).cpu().numpy())
            ys.append(yb.numpy())
        return np.concatenate(ys), np.concatenate(probs)

    def evaluate(self, loader) -> dict:
        y, p = self.predict(loader)
        return {"roc_auc": roc_auc_score(y, p), "pr_auc": average_precision_score(y, p)}

    def fit(self, train_loader, monitor_loader, max_epochs: int, patience: int) -> dict:
        best, bad_epochs = -np.inf, 0
        for epoch in range(1, max_epochs + 1):
            train_loss = self._train_epoch(train_loader)
            metrics = self.evaluate(monitor_loader)
            log.info("epoch %d loss %.4f monitor %s", epoch, train_loss, metrics)
            if metrics["roc_auc"] > best:
                best, bad_epochs = metrics["roc_auc"], 0
                torch.save(self.model.state_dict(), self.ckpt)
            else:
                bad_epochs += 1
                if bad_epochs >= patience:
                    log.info("early stopping at epoch %d", epoch)
                    break
        self.model.load_state_dict(torch.load(self.ckpt))
        return {"best_monitor_auc": best}
