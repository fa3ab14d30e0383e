import torch
from torch import nn


class LikertEmbeddingNet(nn.Module):
    """Each item gets its own embedding table; index 0 is reserved for a skipped answer,
    so missing responses are modelled directly instead of being imputed upstream."""

    def __init__(self, levels, n_numeric, emb_dim=8, hidden=96, dropout=0.2):
        super().__init__()
        self.embs = nn.ModuleList([nn.Embedding(k + 1, emb_dim) for k in levels])
        d_in = emb_dim * len(levels) + n_numeric
        self.head = nn.Sequential(
            nn.Linear(d_in, hidden), nn.ReLU(), nn.Dropout(dropout),
            nn.Linear(hidden, hidden // 2), nn.ReLU(), nn.Dropout(dropout),
            nn.Linear(hidden // 2, 1),
        )

    def forward(self, items, numeric):
        z = [emb(items[:, j]) for j, emb in enumerate(self.embs)]
        return self.head(torch.cat(z + [numeric], dim=1)).squeeze(-1)
