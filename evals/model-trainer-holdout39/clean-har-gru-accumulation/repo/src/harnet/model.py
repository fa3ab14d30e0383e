import torch
from torch import nn


class GRUClassifier(nn.Module):
    def __init__(self, n_channels: int, n_classes: int, hidden: int, layers: int, dropout: float):
        super().__init__()
        self.gru = nn.GRU(n_channels, hidden, num_layers=layers, batch_first=True,
                          dropout=dropout, bidirectional=True)
        self.norm = nn.LayerNorm(2 * hidden)
        self.drop = nn.Dropout(dropout)
        self.fc = nn.Linear(2 * hidden, n_classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out, _ = self.gru(x)
        pooled = out.mean(dim=1)
        return self.fc(self.drop(self.norm(pooled)))
