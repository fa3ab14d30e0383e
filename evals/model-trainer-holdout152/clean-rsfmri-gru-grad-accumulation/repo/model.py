import torch
from torch import nn


class GRUClassifier(nn.Module):
    def __init__(self, n_in=21, hidden=128, n_layers=2, dropout=0.3):
        super().__init__()
        self.inp = nn.Sequential(nn.Linear(n_in, hidden), nn.LayerNorm(hidden), nn.GELU())
        self.gru = nn.GRU(hidden, hidden, n_layers, batch_first=True, dropout=dropout, bidirectional=True)
        self.head = nn.Sequential(nn.BatchNorm1d(2 * hidden), nn.Dropout(dropout), nn.Linear(2 * hidden, 1))

    def forward(self, x):
        h, _ = self.gru(self.inp(x))
        return self.head(h.mean(dim=1)).squeeze(-1)
