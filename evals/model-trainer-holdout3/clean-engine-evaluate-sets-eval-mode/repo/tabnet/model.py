from torch import nn


class ResidualMLP(nn.Module):
    def __init__(self, n_in: int, hidden: int = 256, p_drop: float = 0.3):
        super().__init__()
        self.inp = nn.Linear(n_in, hidden)
        self.block = nn.Sequential(nn.BatchNorm1d(hidden), nn.ReLU(), nn.Dropout(p_drop), nn.Linear(hidden, hidden))
        self.out = nn.Linear(hidden, 1)

    def forward(self, x):
        h = self.inp(x)
        return self.out(h + self.block(h)).squeeze(-1)
