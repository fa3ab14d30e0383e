import torch
from torch import nn


class FormNet(nn.Module):
    """Shared GRU encoder over each team's recent matches, then an MLP head on both encodings."""

    def __init__(self, feat_dim: int, hidden: int, n_layers: int, dropout: float):
        super().__init__()
        self.encoder = nn.GRU(feat_dim, hidden, num_layers=n_layers, batch_first=True)
        self.head = nn.Sequential(
            nn.Linear(2 * hidden, hidden),
            nn.BatchNorm1d(hidden),
            nn.ReLU(),
            nn.Dropout(dropout),
            nn.Linear(hidden, 3),
        )

    def forward(self, home_seq: torch.Tensor, away_seq: torch.Tensor) -> torch.Tensor:
        _, h_home = self.encoder(home_seq)
        _, h_away = self.encoder(away_seq)
        return self.head(torch.cat([h_home[-1], h_away[-1]], dim=1))
