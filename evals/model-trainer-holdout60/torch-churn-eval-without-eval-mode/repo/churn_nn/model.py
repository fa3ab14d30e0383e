import torch
from torch import nn


class ChurnMLP(nn.Module):
    def __init__(self, n_features: int, hidden=(128, 64), dropout: float = 0.25):
        super().__init__()
        layers = []
        prev = n_features
        for width in hidden:
            layers += [nn.Linear(prev, width), nn.BatchNorm1d(width), nn.ReLU(), nn.Dropout(dropout)]
            prev = width
        self.backbone = nn.Sequential(*layers)
        self.head = nn.Linear(prev, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.backbone(x)).squeeze(-1)
