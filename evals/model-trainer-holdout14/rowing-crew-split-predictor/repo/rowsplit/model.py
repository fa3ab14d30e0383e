import torch
from torch import nn


class SplitRegressor(nn.Module):
    def __init__(self, n_feats: int, n_crew_sizes: int = 5, hidden: int = 64):
        super().__init__()
        self.crew_emb = nn.Embedding(n_crew_sizes, 4)
        self.mlp = nn.Sequential(
            nn.Linear(n_feats + 4, hidden), nn.ReLU(), nn.Dropout(0.1),
            nn.Linear(hidden, hidden), nn.ReLU(),
            nn.Linear(hidden, 1),
        )

    def forward(self, x, crew):
        return self.mlp(torch.cat([x, self.crew_emb(crew)], dim=1)).squeeze(1)
