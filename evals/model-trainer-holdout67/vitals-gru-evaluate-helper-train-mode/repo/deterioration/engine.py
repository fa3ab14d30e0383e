import numpy as np
import torch
from sklearn.metrics import average_precision_score, roc_auc_score


def train_one_epoch(model, loader, optimizer, loss_fn, device):
    model.train()
    total, n = 0.0, 0
    for x, y in loader:
        x, y = x.to(device), y.to(device)
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        total += loss.item() * len(y)
        n += len(y)
    return total / n


def evaluate(model, loader, loss_fn, device):
    probs, labels, total = [], [], 0.0
    for x, y in loader:
        x, y = x.to(device), y.to(device)
        logits = model(x)
        total += loss_fn(logits, y).item() * len(y)
        probs.append(torch.sigmoid(logits).detach().cpu().numpy())
        labels.append(y.cpu().numpy())
    probs, labels = np.concatenate(probs), np.concatenate(labels)
    return {
        "loss": total / len(labels),
        "auroc": roc_auc_score(labels, probs),
        "auprc": average_precision_score(labels, probs),
    }
