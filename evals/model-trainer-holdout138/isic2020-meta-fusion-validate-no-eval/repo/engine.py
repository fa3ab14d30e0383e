import numpy as np
import torch
from sklearn.metrics import roc_auc_score


def train_one_epoch(model, loader, optimizer, criterion, scaler, scheduler, device):
    model.train()
    running = 0.0
    for img, meta, y in loader:
        img, meta, y = img.to(device), meta.to(device), y.to(device)
        optimizer.zero_grad(set_to_none=True)
        with torch.autocast(device_type="cuda", dtype=torch.float16):
            loss = criterion(model(img, meta).squeeze(1), y)
        scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()
        scheduler.step()
        running += loss.item() * len(y)
    return running / len(loader.dataset)


def validate(model, loader, criterion, device):
    losses, preds, targets = [], [], []
    with torch.no_grad():
        for img, meta, y in loader:
            img, meta, y = img.to(device), meta.to(device), y.to(device)
            logits = model(img, meta).squeeze(1)
            losses.append(criterion(logits, y).item())
            preds.append(torch.sigmoid(logits).cpu().numpy())
            targets.append(y.cpu().numpy())
    preds, targets = np.concatenate(preds), np.concatenate(targets)
    return float(np.mean(losses)), roc_auc_score(targets, preds), preds
