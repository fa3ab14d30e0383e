import torch
from torch import nn


def mlp(d_in, d_hidden, d_out, dropout):
    return nn.Sequential(
        nn.Linear(d_in, d_hidden), nn.LayerNorm(d_hidden), nn.ReLU(), nn.Dropout(dropout),
        nn.Linear(d_hidden, d_out), nn.ReLU(),
    )


class TwoTowerResponse(nn.Module):
    def __init__(self, n_genes, n_bits, hidden=512, emb=128, dropout=0.3):
        super().__init__()
        self.cell = mlp(n_genes, hidden, emb, dropout)
        self.drug = mlp(n_bits, hidden // 2, emb, dropout)
        self.head = nn.Sequential(nn.Linear(2 * emb, emb), nn.ReLU(), nn.Dropout(dropout), nn.Linear(emb, 1))

    def forward(self, x_cell, x_drug):
        return self.head(torch.cat([self.cell(x_cell), self.drug(x_drug)], dim=1)).squeeze(1)
