import numpy as np
import torch
from sklearn.metrics import accuracy_score, f1_score


def train_one_epoch(model, loader, optimizer, criterion, device) -> float:
    model.train()
    running, seen = 0.0, 0
    for images, labels in loader:
        images, labels = images.to(device), labels.to(device)
        optimizer.zero_grad(set_to_none=True)
        loss = criterion(model(images), labels)
        loss.backward()
        optimizer.step()
        running += loss.item() * images.size(0)
        seen += images.size(0)
    return running / seen


def evaluate(model, loader, criterion, device) -> dict:
    preds, targets, running = [], [], 0.0
    with torch.no_grad():
        for images, labels in loader:
            images, labels = images.to(device), labels.to(device)
            logits = model(images)
            running += criterion(logits, labels).item() * images.size(0)
            preds.append(logits.argmax(1).cpu().numpy())
            targets.append(labels.cpu().numpy())
    y_pred, y_true = np.concatenate(preds), np.concatenate(targets)
    return {
        "loss": running / len(y_true),
        "accuracy": accuracy_score(y_true, y_pred),
        "macro_f1": f1_score(y_true, y_pred, average="macro"),
    }
