import numpy as np
import torch
from sklearn.metrics import f1_score
from tqdm import tqdm


def train_one_epoch(model, loader, criterion, optimizer, device):
    model.train()
    running, seen = 0.0, 0
    for images, labels in tqdm(loader, leave=False):
        images, labels = images.to(device, non_blocking=True), labels.to(device, non_blocking=True)
        optimizer.zero_grad(set_to_none=True)
        loss = criterion(model(images), labels)
        loss.backward()
        optimizer.step()
        running += loss.item() * labels.size(0)
        seen += labels.size(0)
    return running / seen


@torch.no_grad()
def evaluate(model, loader, criterion, device):
    model.eval()
    losses, preds, targets = [], [], []
    for images, labels in loader:
        images, labels = images.to(device), labels.to(device)
        logits = model(images)
        losses.append(criterion(logits, labels).item() * labels.size(0))
        preds.append(logits.argmax(1).cpu().numpy())
        targets.append(labels.cpu().numpy())
    y_hat, y = np.concatenate(preds), np.concatenate(targets)
    return {
        "loss": float(np.sum(losses) / len(y)),
        "acc": float((y_hat == y).mean()),
        "macro_f1": float(f1_score(y, y_hat, average="macro")),
    }
