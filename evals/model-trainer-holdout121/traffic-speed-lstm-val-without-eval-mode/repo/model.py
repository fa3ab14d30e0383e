import torch
from torch import nn


class SpeedLSTM(nn.Module):
    def __init__(self, num_nodes, hidden=256, num_layers=2, horizon=12, dropout=0.3):
        super().__init__()
        self.num_nodes, self.horizon = num_nodes, horizon
        self.lstm = nn.LSTM(num_nodes, hidden, num_layers=num_layers,
                            dropout=dropout, batch_first=True)
        self.drop = nn.Dropout(dropout)
        self.head = nn.Linear(hidden, num_nodes * horizon)

    def forward(self, x):
        out, _ = self.lstm(x)
        h = self.drop(out[:, -1])
        return self.head(h).view(-1, self.horizon, self.num_nodes)
