import torch
from torch import nn


class Predictor(nn.Module):
    def __init__(self, n_features: int, hidden: int = 128, dropout: float = 0.3):
        super().__init__()
        self.body = nn.Sequential(
            nn.Linear(n_features, hidden),
            nn.BatchNorm1d(hidden),
            nn.ReLU(),
            nn.Dropout(dropout),
            nn.Linear(hidden, hidden // 2),
            nn.ReLU(),
            nn.Dropout(dropout),
        )
        self.head = nn.Linear(hidden // 2, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.body(x)).squeeze(-1)


class Adversary(nn.Module):
    """Tries to recover the protected attribute from the predictor's logit and the true label."""

    def __init__(self, n_groups: int, hidden: int = 32):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(2, hidden), nn.ReLU(), nn.Linear(hidden, n_groups))

    def forward(self, logit: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
        return self.net(torch.stack([logit, y], dim=-1))
