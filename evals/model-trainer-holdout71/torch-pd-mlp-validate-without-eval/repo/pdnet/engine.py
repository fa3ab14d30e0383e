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
        total += loss.item() * len(yb)
    return total / len(loader.dataset)


def predict(model, loader, device):
    probs, labels = [], []
    with torch.no_grad():
        for xb, yb in loader:
            logits = model(xb.to(device))
            probs.append(torch.sigmoid(logits).cpu().numpy())
            labels.append(yb.numpy())
    return np.concatenate(labels), np.concatenate(probs)


def evaluate(model, loader, loss_fn, device):
    y, p = predict(model, loader, device)
    loss = loss_fn(torch.logit(torch.from_numpy(p).clamp(1e-6, 1 - 1e-6)), torch.from_numpy(y)).item()
    return {"loss": loss, "auc": roc_auc_score(y, p), "pr_auc": average_precision_score(y, p)}
