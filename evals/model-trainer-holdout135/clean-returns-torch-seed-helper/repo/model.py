import torch
import torch.nn as nn


class ReturnMLP(nn.Module):
    def __init__(self, n_num, cardinalities, emb_dim=12, hidden=192, dropout=0.25):
        super().__init__()
        self.embs = nn.ModuleList(nn.Embedding(c + 1, emb_dim, padding_idx=0) for c in cardinalities)
        d = n_num + emb_dim * len(cardinalities)
        self.net = nn.Sequential(
            nn.Linear(d, hidden), nn.BatchNorm1d(hidden), nn.GELU(), nn.Dropout(dropout),
            nn.Linear(hidden, hidden // 2), nn.BatchNorm1d(hidden // 2), nn.GELU(), nn.Dropout(dropout),
            nn.Linear(hidden // 2, 1),
        )

    def forward(self, x_num, x_cat):
        e = [emb(x_cat[:, i]) for i, emb in enumerate(self.embs)]
        return self.net(torch.cat([x_num, *e], dim=1)).squeeze(-1)
