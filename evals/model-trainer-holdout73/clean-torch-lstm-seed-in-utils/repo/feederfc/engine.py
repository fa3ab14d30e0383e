import numpy as np
import torch
from torch import nn


class Seq2One(nn.Module):
    def __init__(self, n_in: int, hidden: int, layers: int, horizon: int, dropout: float):
        super().__init__()
        self.rnn = nn.LSTM(n_in, hidden, layers, batch_first=True, dropout=dropout)
        self.drop = nn.Dropout(dropout)
        self.proj = nn.Linear(hidden, horizon)

    def forward(self, x):
        out, _ = self.rnn(x)
        return self.proj(self.drop(out[:, -1]))


def train_one_epoch(model, loader, optimizer, loss_fn, device) -> float:
    model.train()
    total, n = 0.0, 0
    for x, y, _ in loader:
        x, y = x.to(device), y.to(device)
        optimizer.zero_grad(set_to_none=True)
        loss = loss_fn(model(x), y)
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        total += loss.item() * len(x)
        n += len(x)
    return total / n


def predict(model, loader, device):
    model.eval()
    preds, trues, feeders = [], [], []
    with torch.inference_mode():
        for x, y, f in loader:
            preds.append(model(x.to(device)).cpu().numpy())
            trues.append(y.numpy())
            feeders.append(f.numpy())
    return np.concatenate(preds), np.concatenate(trues), np.concatenate(feeders)
