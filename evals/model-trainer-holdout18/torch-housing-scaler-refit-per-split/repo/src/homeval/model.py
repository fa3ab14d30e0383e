import torch
import torch.nn as nn


class PriceNet(nn.Module):
    def __init__(self, n_numeric, cardinalities, emb_dim=8, hidden=256, dropout=0.1):
        super().__init__()
        self.embs = nn.ModuleList(nn.Embedding(card + 1, emb_dim) for card in cardinalities)
        d_in = n_numeric + emb_dim * len(cardinalities)
        self.mlp = nn.Sequential(
            nn.Linear(d_in, hidden), nn.ReLU(), nn.Dropout(dropout),
            nn.Linear(hidden, hidden // 2), nn.ReLU(), nn.Dropout(dropout),
            nn.Linear(hidden // 2, 1),
        )

    def forward(self, num, cat):
        parts = [num] + [emb(cat[:, i]) for i, emb in enumerate(self.embs)]
        return self.mlp(torch.cat(parts, dim=1)).squeeze(1)
