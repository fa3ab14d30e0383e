import torch
from torch import nn


class CavitationCNN(nn.Module):
    def __init__(self, in_channels: int = 3, width: int = 32, dropout: float = 0.3):
        super().__init__()
        layers = []
        c = in_channels
        for mult, k in [(1, 31), (2, 15), (4, 7), (4, 7)]:
            layers += [nn.Conv1d(c, width * mult, k, padding=k // 2), nn.BatchNorm1d(width * mult), nn.GELU(), nn.MaxPool1d(4)]
            c = width * mult
        self.body = nn.Sequential(*layers)
        self.head = nn.Sequential(nn.AdaptiveAvgPool1d(1), nn.Flatten(), nn.Dropout(dropout), nn.Linear(c, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.body(x)).squeeze(-1)
