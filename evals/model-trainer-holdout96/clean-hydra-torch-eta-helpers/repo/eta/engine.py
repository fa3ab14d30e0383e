import numpy as np
import torch
from torch import nn


class ETAModel(nn.Module):
    def __init__(self, n_numeric: int, cardinalities: list[int], emb_dim: int, hidden: int, dropout: float):
        super().__init__()
        self.embs = nn.ModuleList([nn.Embedding(c + 1, emb_dim) for c in cardinalities])
        in_dim = n_numeric + emb_dim * len(cardinalities)
        self.mlp = nn.Sequential(
            nn.Linear(in_dim, hidden), nn.BatchNorm1d(hidden), nn.GELU(), nn.Dropout(dropout),
            nn.Linear(hidden, hidden // 2), nn.GELU(), nn.Dropout(dropout),
            nn.Linear(hidden // 2, 1),
        )

    def forward(self, x_num, x_cat):
        embedded = [emb(x_cat[:, i]) for i, emb in enumerate(self.embs)]
        return self.mlp(torch.cat([x_num, *embedded], dim=1)).squeeze(1)


def train_epoch(model, loader, optimizer, loss_fn, device) -> float:
    model.train()
    losses = []
    for x_num, x_cat, y in loader:
        x_num, x_cat, y = x_num.to(device), x_cat.to(device), y.to(device)
        optimizer.zero_grad(set_to_none=True)
        loss = loss_fn(model(x_num, x_cat), y)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return float(np.mean(losses))


@torch.inference_mode()
def predict(model, loader, device) -> tuple[np.ndarray, np.ndarray]:
    model.eval()
    preds, targets = [], []
    for x_num, x_cat, y in loader:
        preds.append(model(x_num.to(device), x_cat.to(device)).cpu().numpy())
        targets.append(y.numpy())
    return np.concatenate(preds), np.concatenate(targets)
