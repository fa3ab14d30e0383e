import torch
import torch.nn as nn


class CancelNet(nn.Module):
    def __init__(self, n_numeric, cat_cardinalities, emb_dim=8, hidden=(256, 128), dropout=0.3):
        super().__init__()
        self.embs = nn.ModuleList([nn.Embedding(n + 1, emb_dim) for n in cat_cardinalities])
        in_dim = n_numeric + emb_dim * len(cat_cardinalities)
        layers = []
        for h in hidden:
            layers += [nn.Linear(in_dim, h), nn.BatchNorm1d(h), nn.ReLU(), nn.Dropout(dropout)]
            in_dim = h
        layers.append(nn.Linear(in_dim, 1))
        self.mlp = nn.Sequential(*layers)

    def forward(self, x_num, x_cat):
        embs = [emb(x_cat[:, i]) for i, emb in enumerate(self.embs)]
        return self.mlp(torch.cat([x_num] + embs, dim=1)).squeeze(1)
