"""Shared helpers: seeding, data loaders, one training epoch, evaluation."""
import os
import random

import numpy as np
import torch
from sklearn.metrics import average_precision_score, roc_auc_score
from torch.utils.data import DataLoader, TensorDataset


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)
    os.environ["PYTHONHASHSEED"] = str(seed)


def make_loader(X, y, batch_size, shuffle, seed=0):
    ds = TensorDataset(torch.as_tensor(X, dtype=torch.float32), torch.as_tensor(y, dtype=torch.float32))
    gen = torch.Generator().manual_seed(seed)
    return DataLoader(ds, batch_size=batch_size, shuffle=shuffle, generator=gen, drop_last=shuffle)


def train_epoch(model, loader, optimizer, loss_fn):
    model.train()
    total, n = 0.0, 0
    for xb, yb in loader:
        optimizer.zero_grad(set_to_none=True)
        loss = loss_fn(model(xb), yb)
        loss.backward()
        optimizer.step()
        total += loss.item() * len(yb)
        n += len(yb)
    return total / n


def evaluate(model, loader, loss_fn):
    model.eval()
    losses, probs, labels = 0.0, [], []
    with torch.inference_mode():
        for xb, yb in loader:
            logits = model(xb)
            losses += loss_fn(logits, yb).item() * len(yb)
            probs.append(torch.sigmoid(logits))
            labels.append(yb)
    p, t = torch.cat(probs).numpy(), torch.cat(labels).numpy()
    return {"loss": losses / len(t), "roc_auc": roc_auc_score(t, p), "pr_auc": average_precision_score(t, p)}
