"""1-D CNN for activity recognition."""
import torch
from torch import nn


def conv_block(c_in: int, c_out: int, k: int, dropout: float) -> nn.Sequential:
    return nn.Sequential(
        nn.Conv1d(c_in, c_out, kernel_size=k, padding=k // 2),
        nn.BatchNorm1d(c_out),
        nn.ReLU(inplace=True),
        nn.MaxPool1d(2),
        nn.Dropout(dropout),
    )


class HARConvNet(nn.Module):
    def __init__(self, in_channels: int = 6, n_classes: int = 6, dropout: float = 0.3):
        super().__init__()
        self.features = nn.Sequential(
            conv_block(in_channels, 64, 7, dropout),
            conv_block(64, 128, 5, dropout),
            conv_block(128, 128, 3, dropout),
        )
        self.head = nn.Sequential(nn.AdaptiveAvgPool1d(1), nn.Flatten(), nn.Dropout(dropout), nn.Linear(128, n_classes))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.features(x))
