import torch
from torch import nn


class JetMLP(nn.Module):
    """Dense tagger on jet-level substructure observables."""

    def __init__(self, n_in, hidden=(256, 128, 64), p_drop=0.25):
        super().__init__()
        layers = []
        d = n_in
        for h in hidden:
            layers += [nn.Linear(d, h), nn.BatchNorm1d(h), nn.ReLU(), nn.Dropout(p_drop)]
            d = h
        layers.append(nn.Linear(d, 1))
        self.net = nn.Sequential(*layers)

    def forward(self, x):
        return self.net(x).squeeze(-1)
