import torch
import torch.nn as nn


class BeatNet(nn.Module):
    """1D CNN on the beat morphology + RR-interval features concatenated before the head."""

    def __init__(self, n_classes=4, n_rr=3):
        super().__init__()
        self.cnn = nn.Sequential(
            nn.Conv1d(1, 32, 11, padding=5), nn.BatchNorm1d(32), nn.ReLU(), nn.MaxPool1d(2),
            nn.Conv1d(32, 64, 7, padding=3), nn.BatchNorm1d(64), nn.ReLU(), nn.MaxPool1d(2),
            nn.Conv1d(64, 64, 5, padding=2), nn.BatchNorm1d(64), nn.ReLU(), nn.AdaptiveAvgPool1d(1),
            nn.Flatten(),
        )
        self.head = nn.Sequential(nn.Linear(64 + n_rr, 64), nn.ReLU(), nn.Dropout(0.3), nn.Linear(64, n_classes))

    def forward(self, beat, rr):
        return self.head(torch.cat([self.cnn(beat), rr], dim=1))
