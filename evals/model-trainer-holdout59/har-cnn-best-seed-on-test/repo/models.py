import torch.nn as nn


class ConvBlock(nn.Module):
    def __init__(self, c_in, c_out, k):
        super().__init__()
        self.net = nn.Sequential(
            nn.Conv1d(c_in, c_out, kernel_size=k, padding=k // 2),
            nn.BatchNorm1d(c_out),
            nn.ReLU(inplace=True),
            nn.MaxPool1d(2),
        )

    def forward(self, x):
        return self.net(x)


class HARConvNet(nn.Module):
    def __init__(self, in_channels, n_classes, dropout=0.3):
        super().__init__()
        self.features = nn.Sequential(
            ConvBlock(in_channels, 64, 7),
            ConvBlock(64, 128, 5),
            ConvBlock(128, 128, 3),
        )
        self.pool = nn.AdaptiveAvgPool1d(1)
        self.head = nn.Sequential(nn.Flatten(), nn.Dropout(dropout), nn.Linear(128, n_classes))

    def forward(self, x):
        return self.head(self.pool(self.features(x)))
