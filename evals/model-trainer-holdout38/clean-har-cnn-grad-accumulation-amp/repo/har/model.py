import torch
from torch import nn


class ConvGRU(nn.Module):
    def __init__(self, in_ch=9, n_classes=6, conv=64, hidden=96, dropout=0.3):
        super().__init__()
        self.conv = nn.Sequential(
            nn.Conv1d(in_ch, conv, kernel_size=5, padding=2), nn.BatchNorm1d(conv), nn.ReLU(),
            nn.Conv1d(conv, conv, kernel_size=5, padding=2), nn.BatchNorm1d(conv), nn.ReLU(),
            nn.MaxPool1d(2),
        )
        self.gru = nn.GRU(conv, hidden, batch_first=True, bidirectional=True)
        self.head = nn.Sequential(nn.Dropout(dropout), nn.Linear(2 * hidden, n_classes))

    def forward(self, x):                    # x: (B, C, T)
        h = self.conv(x).transpose(1, 2)     # (B, T/2, conv)
        out, _ = self.gru(h)
        return self.head(out.mean(dim=1))
