import torch
from torch import nn


class DriftNet(nn.Module):
    def __init__(self, n_features: int, n_ranks: int, hidden: int = 64):
        super().__init__()
        self.rank_emb = nn.Embedding(n_ranks, 8)
        self.conv = nn.Sequential(
            nn.Conv1d(n_features, hidden, kernel_size=5, padding=2),
            nn.BatchNorm1d(hidden),
            nn.GELU(),
            nn.Conv1d(hidden, hidden, kernel_size=5, padding=2),
            nn.BatchNorm1d(hidden),
            nn.GELU(),
        )
        self.head = nn.Sequential(nn.Dropout(0.3), nn.Linear(hidden + 8, 32), nn.GELU(), nn.Linear(32, 1))

    def forward(self, x, rank):
        h = self.conv(x.transpose(1, 2)).mean(-1)
        return self.head(torch.cat([h, self.rank_emb(rank)], dim=-1)).squeeze(-1)
