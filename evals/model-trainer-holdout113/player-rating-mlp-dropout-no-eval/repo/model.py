import torch
from torch import nn


class RatingMLP(nn.Module):
    """Regresses the 0-10 match rating from per-90 event stats + position embedding."""

    def __init__(self, n_features, n_positions, hidden=(128, 64), dropout=0.3, pos_dim=4):
        super().__init__()
        self.pos_emb = nn.Embedding(n_positions, pos_dim)
        layers, d = [], n_features + pos_dim
        for h in hidden:
            layers += [nn.Linear(d, h), nn.BatchNorm1d(h), nn.ReLU(), nn.Dropout(dropout)]
            d = h
        layers.append(nn.Linear(d, 1))
        self.net = nn.Sequential(*layers)

    def forward(self, x, pos):
        z = torch.cat([x, self.pos_emb(pos)], dim=1)
        # ratings live in [0, 10]
        return 10 * torch.sigmoid(self.net(z)).squeeze(1)
