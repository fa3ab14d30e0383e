import torch
from torch import nn


class WideAndDeepCTR(nn.Module):
    """Wide (per-feature bias) + deep (embeddings -> MLP) click model."""

    def __init__(self, cardinalities, n_numeric, emb_dim=16, hidden=(256, 128), dropout=0.3):
        super().__init__()
        self.embeddings = nn.ModuleList([nn.Embedding(card + 1, emb_dim) for card in cardinalities])
        self.wide = nn.ModuleList([nn.Embedding(card + 1, 1) for card in cardinalities])
        in_dim = emb_dim * len(cardinalities) + n_numeric
        layers = []
        for h in hidden:
            layers += [nn.Linear(in_dim, h), nn.BatchNorm1d(h), nn.ReLU(), nn.Dropout(dropout)]
            in_dim = h
        layers.append(nn.Linear(in_dim, 1))
        self.deep = nn.Sequential(*layers)

    def forward(self, x_cat, x_num):
        emb = torch.cat([e(x_cat[:, i]) for i, e in enumerate(self.embeddings)], dim=1)
        deep_out = self.deep(torch.cat([emb, x_num], dim=1))
        wide_out = sum(w(x_cat[:, i]) for i, w in enumerate(self.wide))
        return (deep_out + wide_out).squeeze(1)
