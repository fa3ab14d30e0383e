import numpy as np
import torch
from sklearn.metrics import average_precision_score, roc_auc_score


def train_one_epoch(model, loader, optimizer, loss_fn, device):
    model.train()
    total = 0.0
    for xb, yb in loader:
        xb, yb = xb.to(device), yb.to(device)
        optimizer.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        optimizer.step()
        total += loss.item() * len(xb)
    return total / len(loader.dataset)


def evaluate(model, loader, loss_fn, device):
    losses, probs, targets = [], [], []
    for xb, yb in loader:
        xb, yb = xb.to(device), yb.to(device)
        logits = model(xb)
        losses.append(loss_fn(logits, yb).item() * len(xb))
        probs.append(torch.sigmoid(logits).detach().cpu().numpy())
        targets.append(yb.cpu().numpy())
    p, t = np.concatenate(probs), np.concatenate(targets)
    return {
        "loss": sum(losses) / len(t),
        "roc_auc": roc_auc_score(t, p),
        "pr_auc": average_precision_score(t, p),
    }, p
