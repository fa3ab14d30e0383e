import torch
import torch.nn as nn


class FraudNet(nn.Module):
    def __init__(self, cardinalities, n_numeric, emb_dim=8, hidden=(256, 128), dropout=0.25):
        super().__init__()
        self.embs = nn.ModuleList([nn.Embedding(n + 1, emb_dim) for n in cardinalities])
        layers, d_in = [], emb_dim * len(cardinalities) + n_numeric
        for h in hidden:
            layers += [nn.Linear(d_in, h), nn.BatchNorm1d(h), nn.ReLU(), nn.Dropout(dropout)]
            d_in = h
        layers.append(nn.Linear(d_in, 1))
        self.mlp = nn.Sequential(*layers)

    def forward(self, cats, nums):
        e = [emb(cats[:, i]) for i, emb in enumerate(self.embs)]
        return self.mlp(torch.cat(e + [nums], dim=1)).squeeze(-1)
