import numpy as np
import torch
from sklearn.metrics import roc_auc_score

from . import LABELS


def train_one_epoch(model, loader, optimizer, criterion, device, log_every=200):
    model.train()
    running = 0.0
    for step, (x, y) in enumerate(loader):
        x, y = x.to(device), y.to(device)
        optimizer.zero_grad()
        loss = criterion(model(x), y)
        loss.backward()
        optimizer.step()
        running += loss.item()
        if (step + 1) % log_every == 0:
            print(f"  step {step + 1}/{len(loader)} loss {running / (step + 1):.4f}")
    return running / len(loader)


def evaluate(model, loader, criterion, device):
    all_probs, all_targets, total_loss = [], [], 0.0
    with torch.no_grad():
        for x, y in loader:
            x, y = x.to(device), y.to(device)
            logits = model(x)
            total_loss += criterion(logits, y).item()
            all_probs.append(torch.sigmoid(logits).cpu().numpy())
            all_targets.append(y.cpu().numpy())
    probs = np.concatenate(all_probs)
    targets = np.concatenate(all_targets)
    per_label = {}
    for j, name in enumerate(LABELS):
        if targets[:, j].min() != targets[:, j].max():
            per_label[name] = roc_auc_score(targets[:, j], probs[:, j])
    return total_loss / len(loader), float(np.mean(list(per_label.values()))), per_label
