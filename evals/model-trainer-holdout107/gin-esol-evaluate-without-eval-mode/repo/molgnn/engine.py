"""Training / evaluation steps for the graph regressors."""
import math

import torch
import torch.nn.functional as F


def train_one_epoch(model, loader, optimizer, device, y_mean=0.0, y_std=1.0):
    model.train()
    total, n = 0.0, 0
    for batch in loader:
        batch = batch.to(device)
        optimizer.zero_grad()
        pred = model(batch)
        loss = F.mse_loss(pred, (batch.y - y_mean) / y_std)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=5.0)
        optimizer.step()
        total += loss.item() * batch.num_graphs
        n += batch.num_graphs
    return total / n


@torch.no_grad()
def evaluate(model, loader, device, y_mean=0.0, y_std=1.0):
    preds, targets = [], []
    for batch in loader:
        batch = batch.to(device)
        preds.append(model(batch) * y_std + y_mean)
        targets.append(batch.y)
    pred = torch.cat(preds).squeeze(-1)
    true = torch.cat(targets).squeeze(-1)
    mse = F.mse_loss(pred, true).item()
    return {
        "rmse": math.sqrt(mse),
        "mae": F.l1_loss(pred, true).item(),
    }
