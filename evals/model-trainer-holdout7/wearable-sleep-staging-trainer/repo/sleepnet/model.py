import torch
from torch import nn


class EpochEncoder(nn.Module):
    def __init__(self, width: int = 64):
        super().__init__()
        self.acc = nn.Sequential(
            nn.Conv1d(3, width, 7, stride=2, padding=3), nn.BatchNorm1d(width), nn.ReLU(),
            nn.Conv1d(width, width, 7, stride=2, padding=3), nn.BatchNorm1d(width), nn.ReLU(),
            nn.AdaptiveAvgPool1d(1),
        )
        self.hr = nn.Sequential(nn.Linear(30, 32), nn.ReLU())

    def forward(self, acc, hr):  # acc (B*T, 960, 3), hr (B*T, 30)
        a = self.acc(acc.transpose(1, 2)).squeeze(-1)
        return torch.cat([a, self.hr(hr)], dim=-1)


class SleepStager(nn.Module):
    def __init__(self, n_classes: int = 5, width: int = 64, hidden: int = 96, dropout: float = 0.3):
        super().__init__()
        self.enc = EpochEncoder(width)
        self.gru = nn.GRU(width + 32, hidden, batch_first=True, bidirectional=True)
        self.drop = nn.Dropout(dropout)
        self.out = nn.Linear(2 * hidden, n_classes)

    def forward(self, acc, hr):
        b, t = acc.shape[:2]
        z = self.enc(acc.flatten(0, 1), hr.flatten(0, 1)).view(b, t, -1)
        h, _ = self.gru(z)
        return self.out(self.drop(h[:, t // 2]))
