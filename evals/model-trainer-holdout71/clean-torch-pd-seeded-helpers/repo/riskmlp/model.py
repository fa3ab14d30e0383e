import torch
import torch.nn as nn


class EmbeddingMLP(nn.Module):
    def __init__(self, n_numeric, cardinalities, emb_dim=8, hidden=(96, 48), dropout=0.25):
        super().__init__()
        self.embs = nn.ModuleList(nn.Embedding(n, emb_dim) for n in cardinalities)
        d = n_numeric + emb_dim * len(cardinalities)
        layers = []
        for h in hidden:
            layers += [nn.Linear(d, h), nn.BatchNorm1d(h), nn.ReLU(), nn.Dropout(dropout)]
            d = h
        self.body = nn.Sequential(*layers)
        self.out = nn.Linear(d, 1)

    def forward(self, x_num, x_cat):
        embs = [emb(x_cat[:, i]) for i, emb in enumerate(self.embs)]
        return self.out(self.body(torch.cat([x_num, *embs], dim=1))).squeeze(-1)
