import torch
from torch import nn


class PrbGRU(nn.Module):
    """GRU encoder + per-cell embedding -> direct multi-horizon PRB forecast."""

    def __init__(self, n_inputs, n_cells, horizon, hidden=96, emb_dim=8, dropout=0.2):
        super().__init__()
        self.cell_emb = nn.Embedding(n_cells, emb_dim)
        self.gru = nn.GRU(n_inputs, hidden, batch_first=True)
        self.drop = nn.Dropout(dropout)
        self.out = nn.Linear(hidden + emb_dim, horizon)

    def forward(self, x, cell):
        _, h = self.gru(x)
        z = torch.cat([h[-1], self.cell_emb(cell)], dim=1)
        return self.out(self.drop(z))
