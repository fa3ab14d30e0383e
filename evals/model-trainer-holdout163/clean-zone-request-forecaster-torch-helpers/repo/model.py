import torch
import torch.nn as nn


class ZoneGRU(nn.Module):
    def __init__(self, n_zones, n_feats, horizon, zone_emb_dim=16, hidden=96, dropout=0.2):
        super().__init__()
        self.zone_emb = nn.Embedding(n_zones, zone_emb_dim)
        self.gru = nn.GRU(n_feats, hidden, batch_first=True)
        self.head = nn.Sequential(
            nn.Linear(hidden + zone_emb_dim, hidden),
            nn.ReLU(),
            nn.Dropout(dropout),
            nn.Linear(hidden, horizon),
        )

    def forward(self, zone, x):
        _, h = self.gru(x)
        return self.head(torch.cat([h[-1], self.zone_emb(zone)], dim=1))
