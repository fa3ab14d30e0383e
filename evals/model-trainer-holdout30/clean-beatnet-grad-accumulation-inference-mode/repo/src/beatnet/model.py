"""Bidirectional GRU over the beat waveform."""
import torch
from torch import nn


class BeatGRU(nn.Module):
    def __init__(self, n_leads: int = 2, hidden: int = 96, n_classes: int = 5, dropout: float = 0.25):
        super().__init__()
        self.conv = nn.Sequential(nn.Conv1d(n_leads, 32, 7, padding=3), nn.BatchNorm1d(32), nn.ReLU())
        self.gru = nn.GRU(32, hidden, num_layers=2, batch_first=True, bidirectional=True, dropout=dropout)
        self.head = nn.Sequential(nn.Dropout(dropout), nn.Linear(2 * hidden, n_classes))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.conv(x).transpose(1, 2)          # (B, T, 32)
        out, _ = self.gru(h)
        return self.head(out.mean(dim=1))
