import numpy as np
import torch
from sklearn.metrics import balanced_accuracy_score, f1_score


def train_epoch(model, loader, loss_fn, optimizer, device):
    model.train()
    total = 0.0
    for signals, labels in loader:
        signals, labels = signals.to(device), labels.to(device)
        optimizer.zero_grad()
        loss = loss_fn(model(signals), labels)
        loss.backward()
        optimizer.step()
        total += loss.item() * len(labels)
    return total / len(loader.dataset)


def run_validation(model, loader, loss_fn, device):
    preds, targets, total = [], [], 0.0
    with torch.no_grad():
        for signals, labels in loader:
            signals, labels = signals.to(device), labels.to(device)
            logits = model(signals)
            total += loss_fn(logits, labels).item() * len(labels)
            preds.append(logits.argmax(dim=1).cpu().numpy())
            targets.append(labels.cpu().numpy())
    y_pred, y_true = np.concatenate(preds), np.concatenate(targets)
    return {
        "loss": total / len(y_true),
        "macro_f1": f1_score(y_true, y_pred, average="macro"),
        "balanced_acc": balanced_accuracy_score(y_true, y_pred),
    }
