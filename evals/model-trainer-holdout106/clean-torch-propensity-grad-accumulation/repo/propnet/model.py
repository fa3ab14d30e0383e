import torch
from torch import nn


class RenewalNet(nn.Module):
    def __init__(self, cardinalities, n_num, emb_dim=8, hidden=128, dropout=0.25):
        super().__init__()
        self.embs = nn.ModuleList(nn.Embedding(c + 1, emb_dim) for c in cardinalities)
        self.body = nn.Sequential(
            nn.Linear(emb_dim * len(cardinalities) + n_num, hidden), nn.BatchNorm1d(hidden), nn.ReLU(),
            nn.Dropout(dropout),
            nn.Linear(hidden, hidden // 2), nn.BatchNorm1d(hidden // 2), nn.ReLU(), nn.Dropout(dropout),
            nn.Linear(hidden // 2, 1),
        )

    def forward(self, x_cat, x_num):
        z = torch.cat([e(x_cat[:, i]) for i, e in enumerate(self.embs)] + [x_num], dim=1)
        return self.body(z).squeeze(-1)
