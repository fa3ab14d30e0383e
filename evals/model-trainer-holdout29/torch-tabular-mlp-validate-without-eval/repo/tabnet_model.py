import torch
from torch import nn


class TabMLP(nn.Module):
    def __init__(self, cardinalities, n_num, hidden=(256, 128), dropout=0.25):
        super().__init__()
        self.embeddings = nn.ModuleList(
            [nn.Embedding(card + 1, min(32, (card + 2) // 2)) for card in cardinalities])
        emb_dim = sum(e.embedding_dim for e in self.embeddings)
        layers, width = [], emb_dim + n_num
        for h in hidden:
            layers += [nn.Linear(width, h), nn.BatchNorm1d(h), nn.SiLU(), nn.Dropout(dropout)]
            width = h
        self.body = nn.Sequential(*layers)
        self.head = nn.Linear(width, 1)
        self.emb_drop = nn.Dropout(0.1)

    def forward(self, cats, nums):
        emb = torch.cat([e(cats[:, i]) for i, e in enumerate(self.embeddings)], dim=1)
        x = torch.cat([self.emb_drop(emb), nums], dim=1)
        return self.head(self.body(x)).squeeze(1)
