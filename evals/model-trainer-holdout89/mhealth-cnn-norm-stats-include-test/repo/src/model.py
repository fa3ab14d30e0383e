import torch.nn as nn


class MultiSensorCNN(nn.Module):
    def __init__(self, n_channels=15, n_classes=12, width=64, dropout=0.3):
        super().__init__()

        def block(c_in, c_out, k):
            return nn.Sequential(nn.Conv1d(c_in, c_out, k, padding=k // 2),
                                 nn.BatchNorm1d(c_out), nn.GELU())

        self.body = nn.Sequential(
            block(n_channels, width, 9), block(width, width, 9), nn.MaxPool1d(2),
            block(width, 2 * width, 5), block(2 * width, 2 * width, 5), nn.MaxPool1d(2),
            block(2 * width, 2 * width, 3),
        )
        self.head = nn.Sequential(nn.AdaptiveAvgPool1d(1), nn.Flatten(),
                                  nn.Dropout(dropout), nn.Linear(2 * width, n_classes))

    def forward(self, x):  # x: (batch, time, channels)
        return self.head(self.body(x.permute(0, 2, 1)))
