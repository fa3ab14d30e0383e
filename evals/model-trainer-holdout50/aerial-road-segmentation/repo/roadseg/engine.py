import numpy as np
import torch


def train_one_epoch(model, loader, optimizer, criterion, device, scheduler=None):
    model.train()
    total = 0.0
    for images, masks in loader:
        images, masks = images.to(device, non_blocking=True), masks.to(device, non_blocking=True)
        optimizer.zero_grad()
        loss = criterion(model(images), masks)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=5.0)
        optimizer.step()
        if scheduler is not None:
            scheduler.step()
        total += loss.item() * images.size(0)
    return total / len(loader.dataset)


def confusion(probs, masks, threshold):
    pred = probs > threshold
    gt = masks > 0.5
    tp = (pred & gt).sum().item()
    fp = (pred & ~gt).sum().item()
    fn = (~pred & gt).sum().item()
    return tp, fp, fn


def validate(model, loader, criterion, device, thresholds=(0.5,)):
    losses = []
    counts = {t: np.zeros(3) for t in thresholds}
    with torch.no_grad():
        for images, masks in loader:
            images, masks = images.to(device), masks.to(device)
            logits = model(images)
            losses.append(criterion(logits, masks).item())
            probs = torch.sigmoid(logits)
            for t in thresholds:
                counts[t] += confusion(probs, masks, t)
    results = {}
    for t, (tp, fp, fn) in counts.items():
        precision = tp / max(tp + fp, 1)
        recall = tp / max(tp + fn, 1)
        results[t] = {
            "iou": tp / max(tp + fp + fn, 1),
            "f1": 2 * precision * recall / max(precision + recall, 1e-8),
            "precision": precision,
            "recall": recall,
        }
    return float(np.mean(losses)), results
