import numpy as np
import torch
from sklearn.metrics import f1_score
from tqdm import tqdm


def train_one_epoch(model, loader, optimizer, criterion, device, scaler=None):
    model.train()
    running_loss, n = 0.0, 0
    for images, targets in tqdm(loader, desc="train", leave=False):
        images = images.to(device, non_blocking=True)
        targets = targets.to(device, non_blocking=True)
        optimizer.zero_grad(set_to_none=True)
        with torch.autocast(device_type=device.type, enabled=scaler is not None):
            logits = model(images)
            loss = criterion(logits, targets)
        if scaler is not None:
            scaler.scale(loss).backward()
            scaler.step(optimizer)
            scaler.update()
        else:
            loss.backward()
            optimizer.step()
        running_loss += loss.item() * images.size(0)
        n += images.size(0)
    return running_loss / n


@torch.no_grad()
def evaluate(model, loader, criterion, device):
    total_loss, n = 0.0, 0
    preds, labels = [], []
    for images, targets in loader:
        images = images.to(device, non_blocking=True)
        targets = targets.to(device, non_blocking=True)
        logits = model(images)
        total_loss += criterion(logits, targets).item() * images.size(0)
        n += images.size(0)
        preds.append(logits.argmax(1).cpu().numpy())
        labels.append(targets.cpu().numpy())
    preds, labels = np.concatenate(preds), np.concatenate(labels)
    return {
        "loss": total_loss / n,
        "acc": float((preds == labels).mean()),
        "macro_f1": f1_score(labels, preds, average="macro"),
    }
