import numpy as np
import torch
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score


def train_epoch(model, loader, optimizer, criterion, device):
    model.train()
    total, n = 0.0, 0
    for xb, yb in loader:
        xb, yb = xb.to(device), yb.to(device)
        loss = criterion(model(xb), yb)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
        optimizer.step()
        optimizer.zero_grad(set_to_none=True)
        total += loss.item() * len(yb)
        n += len(yb)
    return total / n


@torch.no_grad()
def predict(model, loader, device):
    model.eval()
    out, ys = [], []
    for xb, yb in loader:
        out.append(torch.sigmoid(model(xb.to(device))).cpu().numpy())
        ys.append(yb.numpy())
    return np.concatenate(ys), np.concatenate(out)


def evaluate(model, loader, device):
    y, p = predict(model, loader, device)
    return {"logloss": log_loss(y, p), "auc": roc_auc_score(y, p), "pr_auc": average_precision_score(y, p)}
