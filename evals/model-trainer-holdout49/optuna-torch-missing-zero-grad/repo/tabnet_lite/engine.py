"""Training / evaluation loops shared by the tuning and final-training scripts."""
import copy

import numpy as np
import torch


def train_one_epoch(model, loader, optimizer, loss_fn, device, clip_norm=1.0):
    model.train()
    running, n = 0.0, 0
    for xb, yb in loader:
        xb, yb = xb.to(device), yb.to(device)
        loss = loss_fn(model(xb), yb)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), clip_norm)
        optimizer.step()
        running += loss.item() * len(yb)
        n += len(yb)
    return running / n


@torch.no_grad()
def predict(model, loader, device):
    model.eval()
    out = [model(xb.to(device)).cpu().numpy() for xb, _ in loader]
    return np.concatenate(out)


def fit(model, train_dl, val_dl, y_val, optimizer, loss_fn, device, max_epochs, patience,
        scheduler=None, on_epoch_end=None):
    best_rmse, best_state, bad_epochs = float("inf"), None, 0
    for epoch in range(max_epochs):
        train_one_epoch(model, train_dl, optimizer, loss_fn, device)
        val_pred = predict(model, val_dl, device)
        rmse = float(np.sqrt(np.mean((val_pred - y_val) ** 2)))
        if scheduler is not None:
            scheduler.step(rmse)
        if on_epoch_end is not None:
            on_epoch_end(epoch, rmse)
        if rmse < best_rmse - 1e-4:
            best_rmse, best_state, bad_epochs = rmse, copy.deepcopy(model.state_dict()), 0
        else:
            bad_epochs += 1
            if bad_epochs >= patience:
                break
    model.load_state_dict(best_state)
    return best_rmse
