"""Train / evaluation loops shared by train.py and the inference notebook."""
import numpy as np
import torch
from sklearn.metrics import balanced_accuracy_score, f1_score


def train_one_epoch(model, loader, optimizer, criterion, device):
    model.train()
    total, n = 0.0, 0
    for spectra, structure, labels in loader:
        spectra, structure, labels = spectra.to(device), structure.to(device), labels.to(device)
        optimizer.zero_grad(set_to_none=True)
        loss = criterion(model(spectra, structure), labels)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=5.0)
        optimizer.step()
        total += loss.item() * labels.size(0)
        n += labels.size(0)
    return total / n


def evaluate(model, loader, criterion, device):
    total, n = 0.0, 0
    preds, targets = [], []
    for spectra, structure, labels in loader:
        spectra, structure, labels = spectra.to(device), structure.to(device), labels.to(device)
        logits = model(spectra, structure)
        total += criterion(logits, labels).item() * labels.size(0)
        n += labels.size(0)
        preds.append(logits.argmax(dim=1).detach().cpu().numpy())
        targets.append(labels.cpu().numpy())
    y_pred, y_true = np.concatenate(preds), np.concatenate(targets)
    return {
        "loss": total / n,
        "balanced_acc": balanced_accuracy_score(y_true, y_pred),
        "macro_f1": f1_score(y_true, y_pred, average="macro"),
    }
