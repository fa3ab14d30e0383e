import torch
from torch import nn


class EmbeddingMLP(nn.Module):
    def __init__(self, cardinalities, n_numeric, hidden=128, dropout=0.25):
        super().__init__()
        self.embs = nn.ModuleList([nn.Embedding(n, min(16, (n + 1) // 2)) for n in cardinalities])
        d = sum(e.embedding_dim for e in self.embs) + n_numeric
        self.mlp = nn.Sequential(nn.Linear(d, hidden), nn.ReLU(), nn.Dropout(dropout),
                                 nn.Linear(hidden, hidden // 2), nn.ReLU(), nn.Dropout(dropout),
                                 nn.Linear(hidden // 2, 1))

    def forward(self, cats, nums):
        parts = [emb(cats[:, j]) for j, emb in enumerate(self.embs)] + [nums]
        return self.mlp(torch.cat(parts, dim=1)).squeeze(-1)
