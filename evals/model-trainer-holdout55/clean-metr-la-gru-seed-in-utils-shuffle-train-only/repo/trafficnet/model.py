import torch
from torch import nn


class SensorGRU(nn.Module):
    """Shared GRU applied to every sensor's (speed, time-of-day) sequence."""

    def __init__(self, hidden: int, n_out: int, dropout: float):
        super().__init__()
        self.gru = nn.GRU(2, hidden, num_layers=2, batch_first=True, dropout=dropout)
        self.head = nn.Linear(hidden, n_out)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        b, t, s, f = x.shape
        seq = x.permute(0, 2, 1, 3).reshape(b * s, t, f)
        h, _ = self.gru(seq)
        return self.head(h[:, -1]).view(b, s, -1).permute(0, 2, 1)
