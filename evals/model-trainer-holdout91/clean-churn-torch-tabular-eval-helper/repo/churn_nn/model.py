from torch import nn


class ChurnNet(nn.Module):
    def __init__(self, n_in: int, width: int = 128, dropout: float = 0.3):
        super().__init__()
        self.body = nn.Sequential(
            nn.Linear(n_in, width), nn.BatchNorm1d(width), nn.SiLU(), nn.Dropout(dropout),
            nn.Linear(width, width // 2), nn.BatchNorm1d(width // 2), nn.SiLU(), nn.Dropout(dropout),
        )
        self.out = nn.Linear(width // 2, 1)

    def forward(self, x):
        return self.out(self.body(x)).squeeze(-1)
