"""MLP regressor."""
from torch import nn


def make_mlp(in_dim: int, hidden: list[int], dropout: float) -> nn.Module:
    layers, prev = [], in_dim
    for width in hidden:
        layers += [nn.Linear(prev, width), nn.SiLU(), nn.Dropout(dropout)]
        prev = width
    layers.append(nn.Linear(prev, 1))
    return nn.Sequential(*layers)
