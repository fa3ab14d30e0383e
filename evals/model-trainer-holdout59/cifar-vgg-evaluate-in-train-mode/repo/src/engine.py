import numpy as np
import torch
from sklearn.metrics import f1_score


def train_one_epoch(model, loader, criterion, optimizer, device):
    model.train()
    running, n = 0.0, 0
    for images, targets in loader:
        images, targets = images.to(device, non_blocking=True), targets.to(device, non_blocking=True)
        optimizer.zero_grad(set_to_none=True)
        loss = criterion(model(images), targets)
        loss.backward()
        optimizer.step()
        running += loss.item() * targets.size(0)
        n += targets.size(0)
    return running / n


def evaluate(model, loader, criterion, device):
    total_loss, preds, labels = 0.0, [], []
    with torch.no_grad():
        for images, targets in loader:
            images, targets = images.to(device), targets.to(device)
            logits = model(images)
            total_loss += criterion(logits, targets).item() * targets.size(0)
            preds.append(logits.argmax(dim=1).cpu().numpy())
            labels.append(targets.cpu().numpy())
    preds, labels = np.concatenate(preds), np.concatenate(labels)
    return {
        "loss": total_loss / len(labels),
        "acc": float((preds == labels).mean()),
        "macro_f1": f1_score(labels, preds, average="macro"),
    }
