import torch.nn as nn


class RentRegressor(nn.Module):
    def __init__(self, n_features: int, width: int = 256, depth: int = 3, dropout: float = 0.15):
        super().__init__()
        blocks, d = [], n_features
        for _ in range(depth):
            blocks += [nn.Linear(d, width), nn.BatchNorm1d(width), nn.GELU(), nn.Dropout(dropout)]
            d = width
        self.body = nn.Sequential(*blocks)
        self.head = nn.Linear(d, 1)

    def forward(self, x):
        return self.head(self.body(x))
