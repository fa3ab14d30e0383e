import torch
from torch import nn


class GenreMLP(nn.Module):
    """MLP over the 57 aggregated librosa features (GTZAN-style features_30_sec.csv)."""

    def __init__(self, n_features: int, n_classes: int, hidden=(512, 256, 128), p_drop: float = 0.3):
        super().__init__()
        layers = []
        prev = n_features
        for h in hidden:
            layers += [nn.Linear(prev, h), nn.BatchNorm1d(h), nn.ReLU(), nn.Dropout(p_drop)]
            prev = h
        self.body = nn.Sequential(*layers)
        self.head = nn.Linear(prev, n_classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.body(x))
