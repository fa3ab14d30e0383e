import torch
from torch import nn


class ScreenMLP(nn.Module):
    """Resume embedding (all-MiniLM-L6-v2, 384-d) + tabular application features -> P(advance)."""

    def __init__(self, emb_dim: int = 384, tab_dim: int = 12, hidden: int = 256, p_drop: float = 0.3):
        super().__init__()
        self.emb_proj = nn.Sequential(
            nn.Linear(emb_dim, hidden),
            nn.BatchNorm1d(hidden),
            nn.ReLU(),
            nn.Dropout(p_drop),
        )
        self.tab_proj = nn.Sequential(nn.Linear(tab_dim, 32), nn.ReLU())
        self.head = nn.Sequential(
            nn.Linear(hidden + 32, 64),
            nn.ReLU(),
            nn.Dropout(p_drop),
            nn.Linear(64, 1),
        )

    def forward(self, emb, tab):
        h = torch.cat([self.emb_proj(emb), self.tab_proj(tab)], dim=1)
        return self.head(h).squeeze(1)
