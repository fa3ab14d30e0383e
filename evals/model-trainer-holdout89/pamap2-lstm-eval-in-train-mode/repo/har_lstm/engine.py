import numpy as np
import torch
from sklearn.metrics import f1_score


def train_one_epoch(model, loader, optimizer, criterion, device, clip=1.0):
    model.train()
    total, n = 0.0, 0
    for xb, yb in loader:
        xb, yb = xb.to(device), yb.to(device)
        optimizer.zero_grad()
        loss = criterion(model(xb), yb)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), clip)
        optimizer.step()
        total += loss.item() * len(yb)
        n += len(yb)
    return total / n


def evaluate(model, loader, criterion, device):
    preds, targets, total = [], [], 0.0
    with torch.no_grad():
        for xb, yb in loader:
            xb, yb = xb.to(device), yb.to(device)
            logits = model(xb)
            total += criterion(logits, yb).item() * len(yb)
            preds.append(logits.argmax(1).cpu().numpy())
            targets.append(yb.cpu().numpy())
    y_true, y_pred = np.concatenate(targets), np.concatenate(preds)
    return {
        "loss": total / len(y_true),
        "macro_f1": f1_score(y_true, y_pred, average="macro"),
        "weighted_f1": f1_score(y_true, y_pred, average="weighted"),
    }
