import contextlib
import logging
from pathlib import Path

import numpy as np
import torch
from sklearn.metrics import accuracy_score, f1_score

log = logging.getLogger(__name__)


@contextlib.contextmanager
def evaluating(model):
    """Put the model in eval mode with autograd off; restore the previous mode afterwards."""
    was_training = model.training
    model.eval()
    try:
        with torch.no_grad():
            yield model
    finally:
        model.train(was_training)


class Trainer:
    def __init__(self, model, optimizer, loss_fn, device, accum_steps: int = 4,
                 patience: int = 5, ckpt: str = "checkpoints/news.pt"):
        self.model, self.optimizer, self.loss_fn = model.to(device), optimizer, loss_fn
        self.device, self.accum_steps, self.patience = device, accum_steps, patience
        self.ckpt = Path(ckpt)
        self.ckpt.parent.mkdir(parents=True, exist_ok=True)

    def _epoch(self, loader) -> float:
        self.model.train()
        self.optimizer.zero_grad(set_to_none=True)
        total, steps = 0.0, 0
        for i, (ids, offsets, labels) in enumerate(loader, start=1):
            ids, offsets, labels = ids.to(self.device), offsets.to(self.device), labels.to(self.device)
            loss = self.loss_fn(self.model(ids, offsets), labels) / self.accum_steps
            loss.backward()
            total += loss.item() * self.accum_steps
            steps += 1
            if i % self.accum_steps == 0 or i == len(loader):
                torch.nn.utils.clip_grad_norm_(self.model.parameters(), 5.0)
                self.optimizer.step()
                self.optimizer.zero_grad(set_to_none=True)
        return total / max(1, steps)

    def evaluate(self, loader) -> dict:
        preds, gold, loss_sum, n = [], [], 0.0, 0
        with evaluating(self.model):
            for ids, offsets, labels in loader:
                ids, offsets, labels = ids.to(self.device), offsets.to(self.device), labels.to(self.device)
                logits = self.model(ids, offsets)
                loss_sum += self.loss_fn(logits, labels).item() * len(labels)
                n += len(labels)
                preds.append(logits.argmax(1).cpu().numpy())
                gold.append(labels.cpu().numpy())
        p, g = np.concatenate(preds), np.concatenate(gold)
        return {"loss": loss_sum / n, "accuracy": accuracy_score(g, p), "macro_f1": f1_score(g, p, average="macro")}

    def fit(self, train_loader, val_loader, max_epochs: int) -> dict:
        best, since_best = float("inf"), 0
        for epoch in range(1, max_epochs + 1):
            tr = self._epoch(train_loader)
            va = self.evaluate(val_loader)
            log.info("epoch %d train_loss %.4f val %s", epoch, tr, va)
            if va["loss"] < best:
                best, since_best = va["loss"], 0
                torch.save({"model": self.model.state_dict(), "epoch": epoch, "val": va}, self.ckpt)
            else:
                since_best += 1
                if since_best >= self.patience:
                    log.info("early stop after epoch %d", epoch)
                    break
        state = torch.load(self.ckpt, map_location=self.device)
        self.model.load_state_dict(state["model"])
        return state["val"]
