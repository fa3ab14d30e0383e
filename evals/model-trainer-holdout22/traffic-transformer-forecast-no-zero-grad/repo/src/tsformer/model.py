import math

import torch
import torch.nn as nn


class PositionalEncoding(nn.Module):
    def __init__(self, d_model, max_len=2048):
        super().__init__()
        pos = torch.arange(max_len).unsqueeze(1)
        div = torch.exp(torch.arange(0, d_model, 2) * (-math.log(10000.0) / d_model))
        pe = torch.zeros(max_len, d_model)
        pe[:, 0::2] = torch.sin(pos * div)
        pe[:, 1::2] = torch.cos(pos * div)
        self.register_buffer("pe", pe)

    def forward(self, x):
        return x + self.pe[: x.size(1)]


class TrafficFormer(nn.Module):
    """Encoder-only transformer that maps a context window to a multi-step forecast for all sensors."""

    def __init__(self, n_sensors, horizon, d_model=128, nhead=8, layers=3, dropout=0.1):
        super().__init__()
        self.horizon, self.n_sensors = horizon, n_sensors
        self.inp = nn.Linear(n_sensors, d_model)
        self.pos = PositionalEncoding(d_model)
        layer = nn.TransformerEncoderLayer(d_model, nhead, 4 * d_model, dropout, batch_first=True)
        self.encoder = nn.TransformerEncoder(layer, layers)
        self.out = nn.Linear(d_model, horizon * n_sensors)

    def forward(self, x):
        h = self.encoder(self.pos(self.inp(x)))
        return self.out(h[:, -1]).view(-1, self.horizon, self.n_sensors)
