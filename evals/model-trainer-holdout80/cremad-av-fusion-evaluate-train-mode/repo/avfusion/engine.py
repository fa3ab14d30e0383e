import numpy as np
import torch
import torch.nn.functional as F
from sklearn.metrics import accuracy_score, f1_score


def train_one_epoch(model, loader, optimizer, device):
    model.train()
    total, n = 0.0, 0
    for mel, faces, y in loader:
        mel, faces, y = mel.to(device), faces.to(device), y.to(device)
        optimizer.zero_grad()
        loss = F.cross_entropy(model(mel, faces), y, label_smoothing=0.1)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 2.0)
        optimizer.step()
        total += loss.item() * len(y)
        n += len(y)
    return total / n


def evaluate(model, loader, device):
    preds, labels, total = [], [], 0.0
    for mel, faces, y in loader:
        logits = model(mel.to(device), faces.to(device))
        total += F.cross_entropy(logits, y.to(device), reduction="sum").item()
        preds.append(logits.argmax(-1).cpu().numpy())
        labels.append(y.numpy())
    preds, labels = np.concatenate(preds), np.concatenate(labels)
    return {
        "loss": total / len(labels),
        "accuracy": accuracy_score(labels, preds),
        "macro_f1": f1_score(labels, preds, average="macro"),
    }
