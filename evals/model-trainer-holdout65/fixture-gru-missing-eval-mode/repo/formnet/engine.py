import numpy as np
import torch
import torch.nn.functional as F


def train_one_epoch(model, loader, optimizer, device) -> float:
    model.train()
    total, n = 0.0, 0
    for home, away, y in loader:
        home, away, y = home.to(device), away.to(device), y.to(device)
        optimizer.zero_grad()
        loss = F.cross_entropy(model(home, away), y)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        total += loss.item() * len(y)
        n += len(y)
    return total / n


def predict(model, loader, device) -> tuple[np.ndarray, np.ndarray, float]:
    probs, labels, total = [], [], 0.0
    for home, away, y in loader:
        home, away, y = home.to(device), away.to(device), y.to(device)
        logits = model(home, away)
        total += F.cross_entropy(logits, y, reduction="sum").item()
        probs.append(F.softmax(logits, dim=1).detach().cpu().numpy())
        labels.append(y.cpu().numpy())
    y_all = np.concatenate(labels)
    return np.concatenate(probs), y_all, total / len(y_all)
