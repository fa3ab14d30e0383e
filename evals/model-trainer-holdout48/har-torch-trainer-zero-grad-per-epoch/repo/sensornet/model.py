from __future__ import annotations

import torch
from torch import nn


class ConvBlock(nn.Sequential):
    def __init__(self, c_in: int, c_out: int, k: int = 5):
        super().__init__(
            nn.Conv1d(c_in, c_out, k, padding=k // 2, bias=False),
            nn.BatchNorm1d(c_out),
            nn.ReLU(inplace=True),
        )


class HARNet(nn.Module):
    def __init__(self, in_channels: int, num_classes: int, hidden: int = 64, dropout: float = 0.3):
        super().__init__()
        self.features = nn.Sequential(
            ConvBlock(in_channels, hidden),
            ConvBlock(hidden, hidden),
            nn.MaxPool1d(2),
            ConvBlock(hidden, hidden * 2),
            ConvBlock(hidden * 2, hidden * 2),
            nn.AdaptiveAvgPool1d(1),
        )
        self.head = nn.Sequential(nn.Flatten(), nn.Dropout(dropout), nn.Linear(hidden * 2, num_classes))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.features(x))
