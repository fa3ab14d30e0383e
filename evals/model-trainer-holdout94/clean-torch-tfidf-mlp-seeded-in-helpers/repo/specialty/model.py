import torch.nn as nn


class TfidfMLP(nn.Module):
    def __init__(self, n_features: int, n_classes: int, hidden: int, dropout: float):
        super().__init__()
        self.layers = nn.Sequential(
            nn.Dropout(dropout / 2),
            nn.Linear(n_features, hidden),
            nn.ReLU(),
            nn.Dropout(dropout),
            nn.Linear(hidden, n_classes),
        )

    def forward(self, x):
        return self.layers(x)
