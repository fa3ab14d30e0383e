import logging

import numpy as np
import torch
from sklearn.metrics import accuracy_score, f1_score

log = logging.getLogger(__name__)


def train_epoch(model, loader, optimizer, criterion, device) -> float:
    model.train()
    running, seen = 0.0, 0
    for images, labels in loader:
        images, labels = images.to(device, non_blocking=True), labels.to(device, non_blocking=True)
        optimizer.zero_grad(set_to_none=True)
        loss = criterion(model(images), labels)
        loss.backward()
        optimizer.step()
        running += loss.item() * images.size(0)
        seen += images.size(0)
    return running / seen


class Evaluator:
    """Computes loss, accuracy and macro-F1 of a model over a loader."""

    def __init__(self, criterion, device):
        self.criterion = criterion
        self.device = device

    def run(self, model, loader) -> dict:
        losses, preds, golds = [], [], []
        for images, labels in loader:
            images, labels = images.to(self.device), labels.to(self.device)
            logits = model(images)
            losses.append(self.criterion(logits, labels).item() * images.size(0))
            preds.append(logits.argmax(dim=1).cpu().numpy())
            golds.append(labels.cpu().numpy())
        y_pred, y_true = np.concatenate(preds), np.concatenate(golds)
        return {
            "loss": float(np.sum(losses) / len(y_true)),
            "accuracy": accuracy_score(y_true, y_pred),
            "macro_f1": f1_score(y_true, y_pred, average="macro"),
        }
