import torch
from torch import nn


class ItemMLP(nn.Module):
    """MLP over standardised item responses -> CBI total (0-100)."""

    def __init__(self, n_features, hidden=(128, 64), dropout=0.3):
        super().__init__()
        layers = []
        d_in = n_features
        for d_out in hidden:
            layers += [nn.Linear(d_in, d_out), nn.BatchNorm1d(d_out), nn.ReLU(), nn.Dropout(dropout)]
            d_in = d_out
        layers.append(nn.Linear(d_in, 1))
        self.net = nn.Sequential(*layers)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x).squeeze(-1)
