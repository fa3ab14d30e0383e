import numpy as np
import torch
from sklearn.metrics import accuracy_score, f1_score


def train_one_epoch(model, loader, optimizer, loss_fn, device):
    model.train()
    total, n = 0.0, 0
    for signals, labels in loader:
        signals, labels = signals.to(device), labels.to(device)
        optimizer.zero_grad(set_to_none=True)
        loss = loss_fn(model(signals), labels)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
        optimizer.step()
        total += loss.item() * labels.size(0)
        n += labels.size(0)
    return total / n


def evaluate(model, loader, loss_fn, device):
    losses, preds, gold = [], [], []
    with torch.no_grad():
        for signals, labels in loader:
            signals, labels = signals.to(device), labels.to(device)
            logits = model(signals)
            losses.append(loss_fn(logits, labels).item())
            preds.append(logits.argmax(1).cpu().numpy())
            gold.append(labels.cpu().numpy())
    preds, gold = np.concatenate(preds), np.concatenate(gold)
    return {
        "loss": float(np.mean(losses)),
        "acc": accuracy_score(gold, preds),
        "macro_f1": f1_score(gold, preds, average="macro"),
    }
