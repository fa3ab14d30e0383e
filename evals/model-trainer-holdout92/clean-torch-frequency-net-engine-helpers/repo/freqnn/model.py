import torch
from torch import nn


class FreqNN(nn.Module):
    def __init__(self, n_num, cards, emb_dim, hidden, dropout):
        super().__init__()
        self.embs = nn.ModuleList(nn.Embedding(c, emb_dim) for c in cards)
        dims = [n_num + emb_dim * len(cards), *hidden]
        blocks = []
        for d_in, d_out in zip(dims[:-1], dims[1:]):
            blocks += [nn.Linear(d_in, d_out), nn.BatchNorm1d(d_out), nn.SiLU(), nn.Dropout(dropout)]
        self.mlp = nn.Sequential(*blocks)
        self.out = nn.Linear(dims[-1], 1)

    def forward(self, x_num, x_cat, log_expo):
        z = torch.cat([x_num] + [e(x_cat[:, j]) for j, e in enumerate(self.embs)], dim=1)
        return self.out(self.mlp(z)).squeeze(-1) + log_expo
