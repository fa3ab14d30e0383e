import torch
from torch import nn


class PossessionCNN(nn.Module):
    def __init__(self, n_feats: int, channels: int, dropout: float):
        super().__init__()
        self.conv = nn.Sequential(
            nn.Conv1d(n_feats, channels, kernel_size=3, padding=1), nn.BatchNorm1d(channels), nn.ReLU(),
            nn.Conv1d(channels, channels, kernel_size=3, padding=1), nn.BatchNorm1d(channels), nn.ReLU(),
        )
        self.head = nn.Sequential(nn.Dropout(dropout), nn.Linear(channels, 1))

    def forward(self, seq: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        h = self.conv(seq.transpose(1, 2)) * mask.unsqueeze(1)
        pooled = h.sum(dim=2) / mask.sum(dim=1, keepdim=True).clamp(min=1.0)
        return self.head(pooled).squeeze(1)
