import logging
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score

log = logging.getLogger(__name__)


class Trainer:
    def __init__(self, model, optimizer, train_loader, monitor_loader, ckpt_path, patience=8, device="cpu"):
        self.model = model.to(device)
        self.opt = optimizer
        self.train_loader = train_loader
        self.monitor_loader = monitor_loader
        self.ckpt_path = Path(ckpt_path)
        self.patience = patience
        self.device = device

    def _train_epoch(self):
        self.model.train()
        total = 0.0
        for xb, yb in self.train_loader:
            xb, yb = xb.to(self.device), yb.to(self.device)
            self.opt.zero_grad()
            loss = F.binary_cross_entropy_with_logits(self.model(xb), yb)
            loss.backward()
            self.opt.step()
            total += loss.item() * len(yb)
        return total / len(self.train_loader.dataset)

    @torch.no_grad()
    def evaluate(self, loader):
        probs, ys = [], []
        for xb, yb in loader:
            logits = self.model(xb.to(self.device))
            probs.append(torch.sigmoid(logits).cpu().numpy())
            ys.append(yb.numpy())
        p, y = np.concatenate(probs), np.concatenate(ys)
        return {"auc": roc_auc_score(y, p), "ap": average_precision_score(y, p), "brier": brier_score_loss(y, p)}

    def fit(self, epochs):
        best, bad = -np.inf, 0
        self.ckpt_path.parent.mkdir(parents=True, exist_ok=True)
        for ep in range(1, epochs + 1):
            tr_loss = self._train_epoch()
            m = self.evaluate(self.monitor_loader)
            log.info("epoch %03d loss %.4f auc %.4f ap %.4f", ep, tr_loss, m["auc"], m["ap"])
            if m["ap"] > best:
                best, bad = m["ap"], 0
                torch.save(self.model.state_dict(), self.ckpt_path)
            else:
                bad += 1
                if bad >= self.patience:
                    log.info("early stop at epoch %d", ep)
                    break
        self.model.load_state_dict(torch.load(self.ckpt_path))
        return best
