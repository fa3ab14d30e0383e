import logging
from pathlib import Path

import numpy as np
import torch
from sklearn.metrics import average_precision_score, roc_auc_score

log = logging.getLogger(__name__)


class Trainer:
    def __init__(self, model, optimizer, loss_fn, device, patience: int, ckpt_path: str):
        self.model = model.to(device)
        self.opt = optimizer
        self.loss_fn = loss_fn
        self.device = device
        self.patience = patience
        self.ckpt_path = Path(ckpt_path)
        self.ckpt_path.parent.mkdir(parents=True, exist_ok=True)

    def _train_epoch(self, loader) -> float:
        self.model.train()
        total = 0.0
        for xb, yb in loader:
            xb, yb = xb.to(self.device), yb.to(self.device)
            self.opt.zero_grad(set_to_none=True)
            loss = self.loss_fn(self.model(xb), yb)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(self.model.parameters(), 5.0)
            self.opt.step()
            total += loss.item() * len(yb)
        return total / len(loader.dataset)

    @torch.no_grad()
    def evaluate(self, loader) -> dict:
        self.model.eval()
        losses, ys, ps = [], [], []
        for xb, yb in loader:
            logits = self.model(xb.to(self.device))
            losses.append(self.loss_fn(logits, yb.to(self.device)).item() * len(yb))
            ys.append(yb.numpy())
            ps.append(torch.sigmoid(logits).cpu().numpy())
        y, p = np.concatenate(ys), np.concatenate(ps)
        return {"loss": sum(losses) / len(y), "roc_auc": roc_auc_score(y, p), "pr_auc": average_precision_score(y, p)}

    def fit(self, train_loader, eval_loader, max_epochs: int) -> dict:
        best, wait = float("inf"), 0
        for epoch in range(1, max_epochs + 1):
            tr_loss = self._train_epoch(train_loader)
            ev = self.evaluate(eval_loader)
            log.info("epoch %03d train_loss %.4f eval %s", epoch, tr_loss, ev)
            if ev["loss"] < best:
                best, wait = ev["loss"], 0
                torch.save(self.model.state_dict(), self.ckpt_path)
            else:
                wait += 1
                if wait >= self.patience:
                    log.info("early stop at epoch %d", epoch)
                    break
        self.model.load_state_dict(torch.load(self.ckpt_path, map_location=self.device))
        return self.evaluate(eval_loader)
