import torch
import torch.nn as nn


class RenewalNet(nn.Module):
    def __init__(self, cardinalities, n_num, emb_dim=8, hidden=64, dropout=0.2):
        super().__init__()
        self.embs = nn.ModuleList([nn.Embedding(n + 1, emb_dim) for n in cardinalities])
        d = emb_dim * len(cardinalities) + n_num
        self.mlp = nn.Sequential(
            nn.Linear(d, hidden), nn.ReLU(), nn.Dropout(dropout),
            nn.Linear(hidden, hidden // 2), nn.ReLU(), nn.Dropout(dropout),
            nn.Linear(hidden // 2, 1),
        )

    def forward(self, x_cat, x_num):
        e = [emb(x_cat[:, i]) for i, emb in enumerate(self.embs)]
        return self.mlp(torch.cat(e + [x_num], dim=1)).squeeze(1)
