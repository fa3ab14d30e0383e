import torch.nn as nn


class IntrusionMLP(nn.Module):
    def __init__(self, n_in, hidden=128, n_layers=2, dropout=0.2):
        super().__init__()
        blocks, width = [], n_in
        for _ in range(n_layers):
            blocks += [nn.Linear(width, hidden), nn.BatchNorm1d(hidden), nn.SiLU(), nn.Dropout(dropout)]
            width = hidden
        self.body = nn.Sequential(*blocks)
        self.out = nn.Linear(width, 1)

    def forward(self, x):
        return self.out(self.body(x)).squeeze(-1)
