import torch.nn as nn


class AimTraceCNN(nn.Module):
    """1D CNN over 2-second mouse traces around each kill (dx, dy, dt, fire)."""

    def __init__(self, in_ch: int = 4, width: int = 64, dropout: float = 0.25):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv1d(in_ch, width, kernel_size=7, padding=3),
            nn.BatchNorm1d(width),
            nn.ReLU(),
            nn.MaxPool1d(2),
            nn.Conv1d(width, width * 2, kernel_size=5, padding=2),
            nn.BatchNorm1d(width * 2),
            nn.ReLU(),
            nn.AdaptiveAvgPool1d(1),
        )
        self.classifier = nn.Sequential(nn.Flatten(), nn.Dropout(dropout), nn.Linear(width * 2, 1))

    def forward(self, x):
        return self.classifier(self.features(x)).squeeze(1)
