import torch
import torch.nn as nn


class NeuMF(nn.Module):
    def __init__(self, n_users, n_items, gmf_dim=32, mlp_dim=32, layers=(64, 32, 16), dropout=0.2):
        super().__init__()
        self.gmf_u, self.gmf_i = nn.Embedding(n_users, gmf_dim), nn.Embedding(n_items, gmf_dim)
        self.mlp_u, self.mlp_i = nn.Embedding(n_users, mlp_dim), nn.Embedding(n_items, mlp_dim)
        mlp, d = [], 2 * mlp_dim
        for h in layers:
            mlp += [nn.Linear(d, h), nn.ReLU(), nn.Dropout(dropout)]
            d = h
        self.mlp = nn.Sequential(*mlp)
        self.head = nn.Linear(gmf_dim + d, 1)
        for emb in (self.gmf_u, self.gmf_i, self.mlp_u, self.mlp_i):
            nn.init.normal_(emb.weight, std=0.01)

    def forward(self, u, i):
        gmf = self.gmf_u(u) * self.gmf_i(i)
        mlp = self.mlp(torch.cat([self.mlp_u(u), self.mlp_i(i)], dim=-1))
        return self.head(torch.cat([gmf, mlp], dim=-1)).squeeze(-1)
