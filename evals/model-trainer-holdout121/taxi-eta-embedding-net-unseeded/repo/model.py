import torch
from torch import nn

from dataset import N_ZONES, NUM_COLS


class EtaNet(nn.Module):
    def __init__(self, zone_dim=16, hidden=256, dropout=0.1):
        super().__init__()
        self.pu_emb = nn.Embedding(N_ZONES, zone_dim)
        self.do_emb = nn.Embedding(N_ZONES, zone_dim)
        self.mlp = nn.Sequential(
            nn.Linear(2 * zone_dim + len(NUM_COLS), hidden),
            nn.BatchNorm1d(hidden),
            nn.ReLU(),
            nn.Dropout(dropout),
            nn.Linear(hidden, hidden // 2),
            nn.ReLU(),
            nn.Linear(hidden // 2, 1),
        )

    def forward(self, pu, do, num):
        z = torch.cat([self.pu_emb(pu), self.do_emb(do), num], dim=1)
        return self.mlp(z).squeeze(1)
