import torch
from torch import nn


class ChurnMLP(nn.Module):
    def __init__(self, cardinalities, n_numeric, hidden=(256, 128), dropout=0.3):
        super().__init__()
        self.embeddings = nn.ModuleList(
            nn.Embedding(card + 1, min(16, (card + 1) // 2 + 1)) for card in cardinalities
        )
        emb_dim = sum(e.embedding_dim for e in self.embeddings)
        layers, width = [], emb_dim + n_numeric
        for h in hidden:
            layers += [nn.Linear(width, h), nn.BatchNorm1d(h), nn.ReLU(), nn.Dropout(dropout)]
            width = h
        layers.append(nn.Linear(width, 1))
        self.mlp = nn.Sequential(*layers)

    def forward(self, x_cat, x_num):
        embs = [emb(x_cat[:, i]) for i, emb in enumerate(self.embeddings)]
        return self.mlp(torch.cat(embs + [x_num], dim=1)).squeeze(1)
