import numpy as np
import torch
from sklearn.metrics import average_precision_score, roc_auc_score


def train_one_epoch(model, loader, optimizer, criterion, device, clip=1.0):
    model.train()
    total, n = 0.0, 0
    for x, y in loader:
        x, y = x.to(device), y.to(device)
        optimizer.zero_grad()
        loss = criterion(model(x), y)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), clip)
        optimizer.step()
        total += loss.item() * len(y)
        n += len(y)
    return total / n


def evaluate(model, loader, criterion, device):
    losses, probs, labels = [], [], []
    for x, y in loader:
        x, y = x.to(device), y.to(device)
        logits = model(x)
        losses.append(criterion(logits, y).item() * len(y))
        probs.append(torch.sigmoid(logits).detach().cpu().numpy())
        labels.append(y.cpu().numpy())
    probs, labels = np.concatenate(probs), np.concatenate(labels)
    return {
        "loss": sum(losses) / len(labels),
        "auroc": roc_auc_score(labels, probs),
        "auprc": average_precision_score(labels, probs),
    }
