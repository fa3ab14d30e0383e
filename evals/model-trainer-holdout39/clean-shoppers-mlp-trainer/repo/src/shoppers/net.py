from torch import nn


def make_mlp(n_in: int, hidden: list[int], dropout: float) -> nn.Sequential:
    layers, width = [], n_in
    for h in hidden:
        layers += [nn.Linear(width, h), nn.BatchNorm1d(h), nn.GELU(), nn.Dropout(dropout)]
        width = h
    layers.append(nn.Linear(width, 1))
    return nn.Sequential(*layers)
