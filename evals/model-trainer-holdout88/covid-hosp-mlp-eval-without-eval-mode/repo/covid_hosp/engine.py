"""Training and evaluation loops."""
import torch


def train_one_epoch(model, loader, optimizer, loss_fn, device):
    model.train()
    total, n = 0.0, 0
    for xb, yb in loader:
        xb, yb = xb.to(device), yb.to(device)
        optimizer.zero_grad()
        pred = model(xb)
        loss = loss_fn(pred, yb)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=5.0)
        optimizer.step()
        total += loss.item() * len(yb)
        n += len(yb)
    return total / n


@torch.no_grad()
def evaluate(model, loader, loss_fn, device):
    total, n = 0.0, 0
    preds, targets = [], []
    for xb, yb in loader:
        xb, yb = xb.to(device), yb.to(device)
        pred = model(xb)
        total += loss_fn(pred, yb).item() * len(yb)
        n += len(yb)
        preds.append(pred.cpu())
        targets.append(yb.cpu())
    return total / n, torch.cat(preds).numpy(), torch.cat(targets).numpy()
