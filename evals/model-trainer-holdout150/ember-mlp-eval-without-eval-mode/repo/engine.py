import numpy as np
import torch
from sklearn.metrics import roc_auc_score, roc_curve


def train_one_epoch(model, loader, optimizer, criterion, device):
    model.train()
    total = 0.0
    for xb, yb in loader:
        xb, yb = xb.to(device), yb.to(device)
        optimizer.zero_grad()
        loss = criterion(model(xb), yb)
        loss.backward()
        optimizer.step()
        total += loss.item() * len(xb)
    return total / len(loader.dataset)


@torch.no_grad()
def evaluate(model, loader, device):
    scores, labels = [], []
    for xb, yb in loader:
        logits = model(xb.to(device))
        scores.append(torch.sigmoid(logits).cpu().numpy())
        labels.append(yb.numpy())
    y, s = np.concatenate(labels), np.concatenate(scores)
    fpr, tpr, _ = roc_curve(y, s)
    return {"auc": roc_auc_score(y, s), "dr_at_1pct_fpr": float(np.interp(0.01, fpr, tpr))}
