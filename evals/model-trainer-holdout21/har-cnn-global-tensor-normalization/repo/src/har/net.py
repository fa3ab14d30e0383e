import torch
from torch import nn


class ConvNet1D(nn.Module):
    def __init__(self, in_ch: int = 6, n_classes: int = 6, width: int = 64, dropout: float = 0.3):
        super().__init__()

        def block(cin, cout, k):
            return nn.Sequential(nn.Conv1d(cin, cout, k, padding=k // 2), nn.BatchNorm1d(cout), nn.ReLU())

        self.features = nn.Sequential(
            block(in_ch, width, 7), nn.MaxPool1d(2),
            block(width, width * 2, 5), nn.MaxPool1d(2),
            block(width * 2, width * 2, 3),
            nn.AdaptiveAvgPool1d(1),
        )
        self.head = nn.Sequential(nn.Flatten(), nn.Dropout(dropout), nn.Linear(width * 2, n_classes))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.features(x))
