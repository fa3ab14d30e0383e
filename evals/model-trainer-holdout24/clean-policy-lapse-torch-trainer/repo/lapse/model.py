import torch
from torch import nn


class LapseNet(nn.Module):
    def __init__(self, n_num: int, cat_cardinalities: list[int], emb_dim: int = 8, hidden: int = 128, p: float = 0.25):
        super().__init__()
        self.embs = nn.ModuleList([nn.Embedding(c + 1, emb_dim) for c in cat_cardinalities])
        d_in = n_num + emb_dim * len(cat_cardinalities)
        self.mlp = nn.Sequential(
            nn.Linear(d_in, hidden), nn.BatchNorm1d(hidden), nn.ReLU(), nn.Dropout(p),
            nn.Linear(hidden, hidden // 2), nn.BatchNorm1d(hidden // 2), nn.ReLU(), nn.Dropout(p),
            nn.Linear(hidden // 2, 1),
        )

    def forward(self, x_num: torch.Tensor, x_cat: torch.Tensor) -> torch.Tensor:
        embedded = [emb(x_cat[:, i]) for i, emb in enumerate(self.embs)]
        return self.mlp(torch.cat([x_num, *embedded], dim=1)).squeeze(1)
