import numpy as np
import torch
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score


def train_one_epoch(model, loader, optimizer, loss_fn, device):
    model.train()
    running = 0.0
    for xb, yb in loader:
        xb, yb = xb.to(device), yb.to(device)
        optimizer.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        optimizer.step()
        running += loss.item() * len(xb)
    return running / len(loader.dataset)


def predict_proba(model, loader, device):
    probs, targets = [], []
    with torch.no_grad():
        for xb, yb in loader:
            logits = model(xb.to(device))
            probs.append(torch.sigmoid(logits).cpu().numpy())
            targets.append(yb.numpy())
    return np.concatenate(probs), np.concatenate(targets)


def evaluate(model, loader, device):
    probs, targets = predict_proba(model, loader, device)
    return {"loss": log_loss(targets, probs),
            "auc": roc_auc_score(targets, probs),
            "pr_auc": average_precision_score(targets, probs)}
