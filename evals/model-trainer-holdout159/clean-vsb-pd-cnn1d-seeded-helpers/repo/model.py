import torch.nn as nn


def block(cin, cout, k):
    return nn.Sequential(
        nn.Conv1d(cin, cout, k, padding=k // 2),
        nn.BatchNorm1d(cout),
        nn.GELU(),
        nn.MaxPool1d(4),
    )


class PDNet(nn.Module):
    """1D CNN for partial-discharge detection on binned VSB traces (2 channels: bin max / bin min)."""

    def __init__(self, width=48, dropout=0.25):
        super().__init__()
        self.body = nn.Sequential(
            block(2, width, 9),
            block(width, width * 2, 7),
            block(width * 2, width * 4, 5),
            block(width * 4, width * 4, 3),
        )
        self.pool = nn.AdaptiveMaxPool1d(1)
        self.head = nn.Sequential(nn.Flatten(), nn.Dropout(dropout), nn.Linear(width * 4, 1))

    def forward(self, x):
        return self.head(self.pool(self.body(x))).squeeze(1)
