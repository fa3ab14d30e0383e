import torch.nn as nn


class TabularMLP(nn.Module):
    def __init__(self, n_features: int, n_classes: int, hidden: int, depth: int, dropout: float):
        super().__init__()
        layers = []
        width = n_features
        for _ in range(depth):
            layers += [nn.Linear(width, hidden), nn.BatchNorm1d(hidden), nn.ReLU(), nn.Dropout(dropout)]
            width = hidden
        layers.append(nn.Linear(width, n_classes))
        self.net = nn.Sequential(*layers)

    def forward(self, x):
        return self.net(x)
