import numpy as np
import torch
from sklearn.metrics import balanced_accuracy_score, f1_score, roc_auc_score


def train_one_epoch(model, loader, optimizer, criterion, scaler, device):
    model.train()
    running, seen = 0.0, 0
    for images, labels in loader:
        images, labels = images.to(device, non_blocking=True), labels.to(device, non_blocking=True)
        optimizer.zero_grad(set_to_none=True)
        with torch.autocast(device_type=device.type, enabled=device.type == "cuda"):
            loss = criterion(model(images), labels)
        scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()
        running += loss.item() * images.size(0)
        seen += images.size(0)
    return running / seen


@torch.no_grad()
def evaluate(model, loader, criterion, device):
    model.eval()
    losses, probs, targets = [], [], []
    for images, labels in loader:
        images, labels = images.to(device), labels.to(device)
        logits = model(images)
        losses.append(criterion(logits, labels).item() * images.size(0))
        probs.append(logits.softmax(dim=1).cpu().numpy())
        targets.append(labels.cpu().numpy())
    probs, targets = np.concatenate(probs), np.concatenate(targets)
    preds = probs.argmax(axis=1)
    return {
        "loss": float(np.sum(losses) / len(targets)),
        "balanced_acc": balanced_accuracy_score(targets, preds),
        "macro_f1": f1_score(targets, preds, average="macro"),
        "auc_ovr": roc_auc_score(targets, probs, multi_class="ovr", average="macro"),
    }
