from torch import nn


class SpectrumCNN(nn.Module):
    """Input: log-magnitude strike spectrum (1 x 2048 bins, 20 Hz - 8 kHz)."""

    def __init__(self, p_drop: float = 0.3):
        super().__init__()
        def block(i, o):
            return nn.Sequential(nn.Conv1d(i, o, 9, padding=4), nn.BatchNorm1d(o), nn.ReLU(), nn.MaxPool1d(4))
        self.features = nn.Sequential(block(1, 16), block(16, 32), block(32, 64), block(64, 64))
        self.head = nn.Sequential(nn.AdaptiveAvgPool1d(1), nn.Flatten(), nn.Dropout(p_drop), nn.Linear(64, 1))

    def forward(self, x):
        return self.head(self.features(x)).squeeze(-1)
