import torch
from torch import nn


class SepsisGRU(nn.Module):
    def __init__(self, n_inputs, hidden_size=96, num_layers=2, dropout=0.3):
        super().__init__()
        self.input_proj = nn.Linear(n_inputs, hidden_size)
        self.gru = nn.GRU(hidden_size, hidden_size, num_layers=num_layers,
                          batch_first=True, dropout=dropout)
        self.head = nn.Sequential(
            nn.LayerNorm(hidden_size),
            nn.Dropout(dropout),
            nn.Linear(hidden_size, 1),
        )

    def forward(self, x):
        h, _ = self.gru(torch.relu(self.input_proj(x)))
        return self.head(h[:, -1]).squeeze(-1)
