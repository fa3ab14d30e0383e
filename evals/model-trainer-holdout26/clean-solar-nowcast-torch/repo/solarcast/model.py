import torch.nn as nn


class GRUForecaster(nn.Module):
    def __init__(self, n_in, horizon, hidden=96, dropout=0.2):
        super().__init__()
        self.gru = nn.GRU(n_in, hidden, num_layers=2, dropout=dropout, batch_first=True)
        self.proj = nn.Sequential(nn.LayerNorm(hidden), nn.Dropout(dropout), nn.Linear(hidden, horizon))

    def forward(self, x):
        h, _ = self.gru(x)
        return self.proj(h[:, -1])
