"""Training / evaluation loops."""
import numpy as np
import torch
from sklearn.metrics import f1_score
from tqdm import tqdm


def train_one_epoch(model, loader, criterion, optimizer, device):
    model.train()
    running_loss, correct, seen = 0.0, 0, 0
    for images, targets in tqdm(loader, desc="train", leave=False):
        images, targets = images.to(device), targets.to(device)
        optimizer.zero_grad()
        logits = model(images)
        loss = criterion(logits, targets)
        loss.backward()
        optimizer.step()

        running_loss += loss.item() * images.size(0)
        correct += (logits.argmax(1) == targets).sum().item()
        seen += images.size(0)
    return running_loss / seen, correct / seen


def evaluate(model, loader, criterion, device):
    total_loss, seen = 0.0, 0
    all_preds, all_targets = [], []
    with torch.no_grad():
        for images, targets in loader:
            images, targets = images.to(device), targets.to(device)
            logits = model(images)
            total_loss += criterion(logits, targets).item() * images.size(0)
            seen += images.size(0)
            all_preds.append(logits.argmax(1).cpu().numpy())
            all_targets.append(targets.cpu().numpy())
    preds = np.concatenate(all_preds)
    targets = np.concatenate(all_targets)
    return {
        "loss": total_loss / seen,
        "acc": float((preds == targets).mean()),
        "macro_f1": float(f1_score(targets, preds, average="macro")),
    }
