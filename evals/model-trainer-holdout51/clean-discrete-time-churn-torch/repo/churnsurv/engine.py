import numpy as np
import torch
from torch import nn


class HazardMLP(nn.Module):
    def __init__(self, n_static: int, max_months: int, hidden: int, dropout: float):
        super().__init__()
        self.month_emb = nn.Embedding(max_months + 1, 8)
        self.body = nn.Sequential(
            nn.Linear(n_static + 8, hidden), nn.ReLU(), nn.Dropout(dropout),
            nn.Linear(hidden, hidden // 2), nn.ReLU(), nn.Dropout(dropout),
            nn.Linear(hidden // 2, 1),
        )

    def forward(self, x, month):
        return self.body(torch.cat([x, self.month_emb(month)], dim=1)).squeeze(1)


def train_one_epoch(model, loader, optimizer, loss_fn):
    model.train()
    total, n = 0.0, 0
    for x, m, y in loader:
        optimizer.zero_grad()
        loss = loss_fn(model(x, m), y)
        loss.backward()
        optimizer.step()
        total += loss.item() * len(y)
        n += len(y)
    return total / n


def evaluate(model, loader, loss_fn):
    model.eval()
    total, n, probs = 0.0, 0, []
    with torch.no_grad():
        for x, m, y in loader:
            logits = model(x, m)
            total += loss_fn(logits, y).item() * len(y)
            n += len(y)
            probs.append(torch.sigmoid(logits).numpy())
    return total / n, np.concatenate(probs)
