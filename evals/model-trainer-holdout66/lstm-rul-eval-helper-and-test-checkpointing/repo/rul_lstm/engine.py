import numpy as np
import torch


def train_one_epoch(model, loader, optimizer, loss_fn, device):
    model.train()
    total = 0.0
    for xb, yb in loader:
        xb, yb = xb.to(device), yb.to(device)
        optimizer.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        total += loss.item() * len(yb)
    return total / len(loader.dataset)


def evaluate(model, loader, device):
    preds, targets = [], []
    for xb, yb in loader:
        out = model(xb.to(device))
        preds.append(out.detach().cpu().numpy())
        targets.append(yb.numpy())
    preds, targets = np.concatenate(preds), np.concatenate(targets)
    rmse = float(np.sqrt(np.mean((preds - targets) ** 2)))
    mae = float(np.mean(np.abs(preds - targets)))
    return {"rmse": rmse, "mae": mae}
