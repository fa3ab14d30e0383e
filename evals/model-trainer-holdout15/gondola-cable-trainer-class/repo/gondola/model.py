import torch.nn as nn


class CableCNN(nn.Module):
    def __init__(self, in_ch: int = 2, width: int = 32):
        super().__init__()
        def block(i, o):
            return nn.Sequential(nn.Conv1d(i, o, 9, padding=4), nn.BatchNorm1d(o), nn.GELU(), nn.MaxPool1d(4))
        self.features = nn.Sequential(block(in_ch, width), block(width, width * 2), block(width * 2, width * 4))
        self.head = nn.Sequential(nn.AdaptiveAvgPool1d(1), nn.Flatten(), nn.Dropout(0.2), nn.Linear(width * 4, 1))

    def forward(self, x):
        return self.head(self.features(x)).squeeze(1)
