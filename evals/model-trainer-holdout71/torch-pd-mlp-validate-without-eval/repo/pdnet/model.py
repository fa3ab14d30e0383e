import torch.nn as nn


class PDNet(nn.Module):
    """Feed-forward PD model for tabular auto-loan features."""

    def __init__(self, n_features, hidden=(128, 64, 32), dropout=0.3):
        super().__init__()
        layers, d_in = [], n_features
        for d_out in hidden:
            layers += [nn.Linear(d_in, d_out), nn.BatchNorm1d(d_out), nn.ReLU(), nn.Dropout(dropout)]
            d_in = d_out
        layers.append(nn.Linear(d_in, 1))
        self.net = nn.Sequential(*layers)

    def forward(self, x):
        return self.net(x).squeeze(-1)
