import torch
from torch import nn


class ConvBlock(nn.Sequential):
    def __init__(self, c_in: int, c_out: int, k: int, dropout: float) -> None:
        super().__init__(
            nn.Conv1d(c_in, c_out, k, padding=k // 2),
            nn.BatchNorm1d(c_out),
            nn.ReLU(inplace=True),
            nn.MaxPool1d(2),
            nn.Dropout(dropout),
        )


class HarCNN(nn.Module):
    def __init__(self, in_channels: int, num_classes: int, channels, kernel_size: int, dropout: float) -> None:
        super().__init__()
        blocks, c_prev = [], in_channels
        for c in channels:
            blocks.append(ConvBlock(c_prev, c, kernel_size, dropout))
            c_prev = c
        self.features = nn.Sequential(*blocks)
        self.head = nn.Sequential(nn.AdaptiveAvgPool1d(1), nn.Flatten(), nn.Linear(c_prev, num_classes))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.features(x))
