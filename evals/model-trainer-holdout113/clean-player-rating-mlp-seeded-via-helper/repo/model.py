from torch import nn


class ContributionNet(nn.Module):
    """Predicts a player's on-pitch expected-threat contribution per 90 from event counts."""

    def __init__(self, n_in, hidden=96, dropout=0.25):
        super().__init__()
        self.body = nn.Sequential(
            nn.Linear(n_in, hidden), nn.LayerNorm(hidden), nn.GELU(), nn.Dropout(dropout),
            nn.Linear(hidden, hidden // 2), nn.GELU(), nn.Dropout(dropout),
            nn.Linear(hidden // 2, 1),
        )

    def forward(self, x):
        return self.body(x).squeeze(-1)
