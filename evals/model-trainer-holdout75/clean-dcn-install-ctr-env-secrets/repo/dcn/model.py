import torch
import torch.nn as nn


class CrossLayer(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.lin = nn.Linear(dim, dim)

    def forward(self, x0, x):
        return x0 * self.lin(x) + x


class DCNv2(nn.Module):
    def __init__(self, vocab_sizes, n_numeric, emb_dim=16, cross_layers=3, deep=(512, 256), dropout=0.2):
        super().__init__()
        self.embs = nn.ModuleList(nn.Embedding(n, emb_dim) for n in vocab_sizes)
        d = len(vocab_sizes) * emb_dim + n_numeric
        self.cross = nn.ModuleList(CrossLayer(d) for _ in range(cross_layers))
        layers, d_in = [], d
        for h in deep:
            layers += [nn.Linear(d_in, h), nn.ReLU(), nn.Dropout(dropout)]
            d_in = h
        self.deep = nn.Sequential(*layers)
        self.head = nn.Linear(d + d_in, 1)

    def forward(self, cat, num):
        x0 = torch.cat([e(cat[:, i]) for i, e in enumerate(self.embs)] + [num], dim=1)
        x = x0
        for layer in self.cross:
            x = layer(x0, x)
        return self.head(torch.cat([x, self.deep(x0)], dim=1)).squeeze(-1)
