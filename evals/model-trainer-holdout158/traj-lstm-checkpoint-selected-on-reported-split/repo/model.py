import torch
import torch.nn as nn


class LSTMForecaster(nn.Module):
    def __init__(self, hidden=128, num_layers=2, dropout=0.2, pred_len=30):
        super().__init__()
        self.pred_len = pred_len
        self.embed = nn.Sequential(nn.Linear(4, 64), nn.ReLU())
        self.encoder = nn.LSTM(64, hidden, num_layers=num_layers, batch_first=True, dropout=dropout)
        self.head = nn.Sequential(
            nn.Linear(hidden, 256), nn.ReLU(), nn.Dropout(dropout), nn.Linear(256, pred_len * 2)
        )

    def forward(self, hist):
        vel = torch.diff(hist, dim=1, prepend=hist[:, :1])
        x = self.embed(torch.cat([hist, vel], dim=-1))
        _, (h, _) = self.encoder(x)
        return self.head(h[-1]).view(-1, self.pred_len, 2)
