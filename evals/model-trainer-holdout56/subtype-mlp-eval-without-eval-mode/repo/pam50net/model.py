import torch
from torch import nn


class SubtypeMLP(nn.Module):
    """Feed-forward classifier for intrinsic breast cancer subtypes."""

    def __init__(self, n_genes, n_classes, hidden=(512, 128), dropout=0.4):
        super().__init__()
        layers = []
        prev = n_genes
        for h in hidden:
            layers += [nn.Linear(prev, h), nn.BatchNorm1d(h), nn.ReLU(), nn.Dropout(dropout)]
            prev = h
        self.encoder = nn.Sequential(*layers)
        self.head = nn.Linear(prev, n_classes)

    def forward(self, x):
        return self.head(self.encoder(x))
