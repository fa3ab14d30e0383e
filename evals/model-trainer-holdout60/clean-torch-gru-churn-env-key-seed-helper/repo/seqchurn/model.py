import torch
from torch import nn


class GRUChurnNet(nn.Module):
    """GRU over 12 monthly usage vectors plus an MLP over static customer attributes."""

    def __init__(self, n_seq_features: int, n_static: int, hidden_size=64, static_hidden=32, dropout=0.2):
        super().__init__()
        self.gru = nn.GRU(n_seq_features, hidden_size, batch_first=True)
        self.static = nn.Sequential(nn.Linear(n_static, static_hidden), nn.ReLU(), nn.Dropout(dropout))
        self.head = nn.Sequential(
            nn.Linear(hidden_size + static_hidden, 32), nn.ReLU(), nn.Dropout(dropout), nn.Linear(32, 1)
        )

    def forward(self, seq: torch.Tensor, static: torch.Tensor) -> torch.Tensor:
        _, h = self.gru(seq)
        z = torch.cat([h[-1], self.static(static)], dim=1)
        return self.head(z).squeeze(1)
