import torch
import torch.nn as nn


class DeepFM(nn.Module):
    def __init__(self, n_dense, n_fields, n_buckets, emb_dim=16, hidden=(400, 400, 400), dropout=0.3):
        super().__init__()
        self.linear_sparse = nn.Embedding(n_buckets, 1)
        self.linear_dense = nn.Linear(n_dense, 1)
        self.emb = nn.Embedding(n_buckets, emb_dim)
        nn.init.xavier_uniform_(self.emb.weight)
        layers, d_in = [], n_fields * emb_dim + n_dense
        for h in hidden:
            layers += [nn.Linear(d_in, h), nn.ReLU(), nn.Dropout(dropout)]
            d_in = h
        layers.append(nn.Linear(d_in, 1))
        self.dnn = nn.Sequential(*layers)

    def forward(self, dense, sparse):
        first_order = self.linear_sparse(sparse).sum(dim=1).squeeze(-1) + self.linear_dense(dense).squeeze(-1)
        e = self.emb(sparse)
        fm = 0.5 * (e.sum(dim=1).pow(2) - e.pow(2).sum(dim=1)).sum(dim=1)
        deep = self.dnn(torch.cat([e.flatten(1), dense], dim=1)).squeeze(-1)
        return first_order + fm + deep
