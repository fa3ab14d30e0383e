import torch
from torch import nn

loss_fn = nn.BCEWithLogitsLoss()


def train_one_epoch(model, loader, optimizer, device):
    model.train()
    total = 0.0
    for x, y in loader:
        x, y = x.to(device), y.to(device)
        optimizer.zero_grad(set_to_none=True)
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        total += loss.item() * len(y)
    return total / len(loader.dataset)


def evaluate(model, loader, device):
    logits, targets = [], []
    with torch.inference_mode():
        for x, y in loader:
            logits.append(model(x.to(device)).cpu())
            targets.append(y)
    logits, targets = torch.cat(logits), torch.cat(targets)
    return loss_fn(logits, targets).item(), torch.sigmoid(logits).numpy(), targets.numpy()
