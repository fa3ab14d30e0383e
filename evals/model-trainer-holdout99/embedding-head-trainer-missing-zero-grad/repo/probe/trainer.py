"""Training / evaluation loops for the embedding head."""
import numpy as np
import torch
from sklearn.metrics import f1_score


def train_one_epoch(model, loader, optimizer, scheduler, criterion, device, max_grad_norm=None):
    model.train()
    total, n = 0.0, 0
    for xb, yb in loader:
        xb, yb = xb.to(device, non_blocking=True), yb.to(device, non_blocking=True)
        logits = model(xb)
        loss = criterion(logits, yb)
        loss.backward()
        if max_grad_norm:
            torch.nn.utils.clip_grad_norm_(model.parameters(), max_grad_norm)
        optimizer.step()
        scheduler.step()
        total += loss.item() * xb.size(0)
        n += xb.size(0)
    return total / n


@torch.no_grad()
def evaluate(model, loader, criterion, device):
    model.eval()
    total, n = 0.0, 0
    preds, targets = [], []
    for xb, yb in loader:
        xb, yb = xb.to(device), yb.to(device)
        logits = model(xb)
        total += criterion(logits, yb).item() * xb.size(0)
        n += xb.size(0)
        preds.append(logits.argmax(1).cpu().numpy())
        targets.append(yb.cpu().numpy())
    preds, targets = np.concatenate(preds), np.concatenate(targets)
    return {
        "loss": total / n,
        "accuracy": float((preds == targets).mean()),
        "macro_f1": float(f1_score(targets, preds, average="macro")),
    }
