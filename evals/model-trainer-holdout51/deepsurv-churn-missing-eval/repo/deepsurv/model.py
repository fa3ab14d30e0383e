import torch
from torch import nn


class DeepSurv(nn.Module):
    """MLP producing a log-hazard ratio per policy."""

    def __init__(self, n_features: int, hidden: list[int], dropout: float):
        super().__init__()
        layers = []
        prev = n_features
        for width in hidden:
            layers += [nn.Linear(prev, width), nn.BatchNorm1d(width), nn.ReLU(), nn.Dropout(dropout)]
            prev = width
        layers.append(nn.Linear(prev, 1, bias=False))
        self.net = nn.Sequential(*layers)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x).squeeze(-1)
