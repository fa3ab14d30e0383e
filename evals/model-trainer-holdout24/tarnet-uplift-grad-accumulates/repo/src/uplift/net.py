import torch
from torch import nn


class TwoHeadNet(nn.Module):
    """Shared representation + one outcome head per arm (TARNet-style)."""

    def __init__(self, n_features: int, rep_dim: int = 64, head_dim: int = 32, dropout: float = 0.1):
        super().__init__()
        self.rep = nn.Sequential(
            nn.Linear(n_features, 128), nn.ELU(), nn.Dropout(dropout),
            nn.Linear(128, rep_dim), nn.ELU(),
        )
        self.head_c = nn.Sequential(nn.Linear(rep_dim, head_dim), nn.ELU(), nn.Linear(head_dim, 1))
        self.head_t = nn.Sequential(nn.Linear(rep_dim, head_dim), nn.ELU(), nn.Linear(head_dim, 1))

    def forward(self, x):
        z = self.rep(x)
        return self.head_c(z).squeeze(-1), self.head_t(z).squeeze(-1)

    @staticmethod
    def factual_logit(out_c, out_t, t):
        return torch.where(t > 0.5, out_t, out_c)
