import logging

import numpy as np
import torch
from sklearn.metrics import cohen_kappa_score, f1_score
from torch import nn

log = logging.getLogger(__name__)


class StagerTrainer:
    def __init__(self, model: nn.Module, lr: float, weight_decay: float, class_weights=None, device="cpu"):
        self.model = model.to(device)
        self.device = device
        self.opt = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=weight_decay)
        w = None if class_weights is None else torch.as_tensor(class_weights, dtype=torch.float32, device=device)
        self.loss_fn = nn.CrossEntropyLoss(weight=w)

    def _batch(self, batch):
        acc, hr, y = (t.to(self.device) for t in batch)
        return acc, hr, y

    def train_epoch(self, loader) -> float:
        self.model.train()
        total = 0.0
        for batch in loader:
            acc, hr, y = self._batch(batch)
            self.opt.zero_grad(set_to_none=True)
            loss = self.loss_fn(self.model(acc, hr), y)
            loss.backward()
            nn.utils.clip_grad_norm_(self.model.parameters(), 2.0)
            self.opt.step()
            total += loss.item() * len(y)
        return total / len(loader.dataset)

    def evaluate(self, loader) -> dict:
        preds, gold = [], []
        with torch.no_grad():
            for batch in loader:
                acc, hr, y = self._batch(batch)
                preds.append(self.model(acc, hr).argmax(1).cpu().numpy())
                gold.append(y.cpu().numpy())
        p, g = np.concatenate(preds), np.concatenate(gold)
        return {
            "kappa": cohen_kappa_score(g, p),
            "macro_f1": f1_score(g, p, average="macro"),
            "per_stage_f1": f1_score(g, p, average=None).round(3).tolist(),
        }

    def fit(self, loader, epochs: int):
        for ep in range(epochs):
            loss = self.train_epoch(loader)
            log.info("epoch %d  loss %.4f", ep, loss)
