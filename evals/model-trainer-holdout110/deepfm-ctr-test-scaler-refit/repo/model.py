import torch
import torch.nn as nn


class DeepFM(nn.Module):
    def __init__(self, cardinalities, n_num, k=16, hidden=(256, 128), dropout=0.2):
        super().__init__()
        self.embs = nn.ModuleList([nn.Embedding(c, k) for c in cardinalities])
        self.lin = nn.ModuleList([nn.Embedding(c, 1) for c in cardinalities])
        self.num_lin = nn.Linear(n_num, 1)
        layers, d_in = [], len(cardinalities) * k + n_num
        for h in hidden:
            layers += [nn.Linear(d_in, h), nn.BatchNorm1d(h), nn.ReLU(), nn.Dropout(dropout)]
            d_in = h
        layers.append(nn.Linear(d_in, 1))
        self.dnn = nn.Sequential(*layers)

    def forward(self, x_cat, x_num):
        e = torch.stack([emb(x_cat[:, j]) for j, emb in enumerate(self.embs)], dim=1)  # B x F x k
        first = sum(l(x_cat[:, j]) for j, l in enumerate(self.lin)) + self.num_lin(x_num)
        fm = 0.5 * (e.sum(dim=1).pow(2) - e.pow(2).sum(dim=1)).sum(dim=1, keepdim=True)
        deep = self.dnn(torch.cat([e.flatten(1), x_num], dim=1))
        return (first + fm + deep).squeeze(1)
