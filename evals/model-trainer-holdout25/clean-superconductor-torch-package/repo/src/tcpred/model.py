import torch.nn as nn


def make_mlp(d_in, hidden, depth, dropout):
    layers, d = [], d_in
    for _ in range(depth):
        layers += [nn.Linear(d, hidden), nn.SiLU(), nn.Dropout(dropout)]
        d = hidden
    layers.append(nn.Linear(d, 1))
    return nn.Sequential(*layers)
