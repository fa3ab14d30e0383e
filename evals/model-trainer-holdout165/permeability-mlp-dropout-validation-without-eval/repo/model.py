import torch
from torch import nn


class PermMLP(nn.Module):
    """Predicts log10 permeability (mD) from log responses at the plug depth."""

    def __init__(self, n_in, hidden=(128, 64, 32), dropout=0.25):
        super().__init__()
        layers = []
        prev = n_in
        for h in hidden:
            layers += [nn.Linear(prev, h), nn.BatchNorm1d(h), nn.ReLU(), nn.Dropout(dropout)]
            prev = h
        layers.append(nn.Linear(prev, 1))
        self.net = nn.Sequential(*layers)

    def forward(self, x):
        return self.net(x).squeeze(-1)


def run_epoch(model, loader, loss_fn, optimizer):
    model.train()
    total, n = 0.0, 0
    for xb, yb in loader:
        optimizer.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        optimizer.step()
        total += loss.item() * len(xb)
        n += len(xb)
    return total / n


@torch.no_grad()
def predict(model, loader):
    preds, targets = [], []
    for xb, yb in loader:
        preds.append(model(xb))
        targets.append(yb)
    return torch.cat(preds), torch.cat(targets)
