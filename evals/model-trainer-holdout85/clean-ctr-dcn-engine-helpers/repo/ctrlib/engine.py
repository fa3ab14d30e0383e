import numpy as np
import torch
from sklearn.metrics import log_loss, roc_auc_score


def train_one_epoch(model, loader, optimizer, criterion, device):
    model.train()
    total, n = 0.0, 0
    for x_cat, x_num, y in loader:
        x_cat, x_num, y = x_cat.to(device), x_num.to(device), y.to(device)
        optimizer.zero_grad(set_to_none=True)
        loss = criterion(model(x_cat, x_num), y)
        loss.backward()
        optimizer.step()
        total += loss.item() * len(y)
        n += len(y)
    return total / n


@torch.inference_mode()
def predict(model, loader, device):
    model.eval()
    preds, labels = [], []
    for x_cat, x_num, y in loader:
        preds.append(torch.sigmoid(model(x_cat.to(device), x_num.to(device))).cpu().numpy())
        labels.append(y.numpy())
    return np.concatenate(labels), np.concatenate(preds)


def evaluate(model, loader, device):
    labels, preds = predict(model, loader, device)
    return {
        "auc": roc_auc_score(labels, preds),
        "logloss": log_loss(labels, np.clip(preds, 1e-7, 1 - 1e-7)),
    }
