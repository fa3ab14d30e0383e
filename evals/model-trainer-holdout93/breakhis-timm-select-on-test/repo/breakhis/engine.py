import numpy as np
import torch
from sklearn.metrics import f1_score, roc_auc_score


def train_one_epoch(model, loader, optimizer, criterion, device, scaler=None):
    model.train()
    total, n = 0.0, 0
    for images, labels in loader:
        images = images.to(device, non_blocking=True)
        labels = labels.float().to(device, non_blocking=True)
        optimizer.zero_grad(set_to_none=True)
        with torch.autocast(device_type=device.type, enabled=scaler is not None):
            loss = criterion(model(images).squeeze(1), labels)
        if scaler is not None:
            scaler.scale(loss).backward()
            scaler.step(optimizer)
            scaler.update()
        else:
            loss.backward()
            optimizer.step()
        total += loss.item() * images.size(0)
        n += images.size(0)
    return total / n


@torch.no_grad()
def evaluate(model, loader, criterion, device):
    model.eval()
    probs, targets, total = [], [], 0.0
    for images, labels in loader:
        images = images.to(device, non_blocking=True)
        logits = model(images).squeeze(1)
        total += criterion(logits, labels.float().to(device)).item() * images.size(0)
        probs.append(torch.sigmoid(logits).cpu().numpy())
        targets.append(labels.numpy())
    probs, targets = np.concatenate(probs), np.concatenate(targets)
    return {
        "loss": total / len(targets),
        "auroc": roc_auc_score(targets, probs),
        "f1": f1_score(targets, probs >= 0.5),
    }
