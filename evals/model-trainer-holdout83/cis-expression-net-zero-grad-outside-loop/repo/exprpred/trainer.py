import numpy as np
import torch
from torch import nn


def train_epoch(model, loader, optimizer, device, clip_norm=1.0):
    model.train()
    loss_fn = nn.MSELoss()
    optimizer.zero_grad(set_to_none=True)
    total, n = 0.0, 0
    for x, y in loader:
        x, y = x.to(device), y.to(device)
        pred = model(x)
        loss = loss_fn(pred, y)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), clip_norm)
        optimizer.step()
        total += loss.item() * len(x)
        n += len(x)
    return total / n


@torch.no_grad()
def evaluate(model, loader, device):
    model.eval()
    preds, targets = [], []
    for x, y in loader:
        preds.append(model(x.to(device)).cpu().numpy())
        targets.append(y.numpy())
    preds, targets = np.concatenate(preds), np.concatenate(targets)
    mse = float(((preds - targets) ** 2).mean())
    return mse, preds, targets


def per_gene_pearson(preds, targets):
    p = (preds - preds.mean(0)) / (preds.std(0) + 1e-8)
    t = (targets - targets.mean(0)) / (targets.std(0) + 1e-8)
    return (p * t).mean(0)
