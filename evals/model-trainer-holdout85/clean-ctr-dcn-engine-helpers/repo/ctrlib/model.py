import torch
from torch import nn


class CrossLayer(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.linear = nn.Linear(dim, dim)

    def forward(self, x0, x):
        return x0 * self.linear(x) + x


class DCN(nn.Module):
    def __init__(self, cardinalities, n_numeric, emb_dim, cross_layers, hidden, dropout):
        super().__init__()
        self.embeddings = nn.ModuleList([nn.Embedding(c + 1, emb_dim) for c in cardinalities])
        dim = emb_dim * len(cardinalities) + n_numeric
        self.cross = nn.ModuleList([CrossLayer(dim) for _ in range(cross_layers)])
        layers, in_dim = [], dim
        for h in hidden:
            layers += [nn.Linear(in_dim, h), nn.BatchNorm1d(h), nn.ReLU(), nn.Dropout(dropout)]
            in_dim = h
        self.deep = nn.Sequential(*layers)
        self.head = nn.Linear(dim + in_dim, 1)

    def forward(self, x_cat, x_num):
        x0 = torch.cat([e(x_cat[:, i]) for i, e in enumerate(self.embeddings)] + [x_num], dim=1)
        x = x0
        for layer in self.cross:
            x = layer(x0, x)
        return self.head(torch.cat([x, self.deep(x0)], dim=1)).squeeze(1)
