import torch
from torch import nn


class ExpressionMLP(nn.Module):
    def __init__(self, n_genes, n_classes, hidden=(512, 128), dropout=0.4):
        super().__init__()
        layers, prev = [], n_genes
        for h in hidden:
            layers += [nn.Linear(prev, h), nn.BatchNorm1d(h), nn.ReLU(), nn.Dropout(dropout)]
            prev = h
        layers.append(nn.Linear(prev, n_classes))
        self.net = nn.Sequential(*layers)

    def forward(self, x):
        return self.net(x)
