import torch
import torch.nn as nn


class ClaimNet(nn.Module):
    def __init__(self, cards, n_num, d_emb=4):
        super().__init__()
        self.embs = nn.ModuleList(nn.Embedding(c, d_emb) for c in cards)
        self.body = nn.Sequential(
            nn.Linear(d_emb * len(cards) + n_num, 64), nn.BatchNorm1d(64), nn.ReLU(), nn.Dropout(0.3),
            nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 1),
        )

    def forward(self, xc, xn):
        return self.body(torch.cat([e(xc[:, i]) for i, e in enumerate(self.embs)] + [xn], 1)).squeeze(-1)
