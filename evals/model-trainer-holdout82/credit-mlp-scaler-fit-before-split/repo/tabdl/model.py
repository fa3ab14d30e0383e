from typing import List

import torch
import torch.nn as nn


class EmbeddingMLP(nn.Module):
    """MLP over concatenated categorical embeddings and scaled numeric features."""

    def __init__(self, cardinalities: List[int], n_num: int, emb_dim: int, hidden: List[int], dropout: float):
        super().__init__()
        self.embeddings = nn.ModuleList([nn.Embedding(card, emb_dim) for card in cardinalities])
        in_dim = emb_dim * len(cardinalities) + n_num
        layers = []
        for h in hidden:
            layers += [nn.Linear(in_dim, h), nn.BatchNorm1d(h), nn.ReLU(), nn.Dropout(dropout)]
            in_dim = h
        layers.append(nn.Linear(in_dim, 1))
        self.mlp = nn.Sequential(*layers)

    def forward(self, x_cat: torch.Tensor, x_num: torch.Tensor) -> torch.Tensor:
        embs = [emb(x_cat[:, i]) for i, emb in enumerate(self.embeddings)]
        x = torch.cat(embs + [x_num], dim=1)
        return self.mlp(x).squeeze(-1)
