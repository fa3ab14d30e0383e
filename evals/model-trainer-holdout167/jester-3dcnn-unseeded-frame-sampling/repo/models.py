import torch.nn as nn


def conv_block(cin, cout, pool):
    return nn.Sequential(
        nn.Conv3d(cin, cout, kernel_size=3, padding=1, bias=False),
        nn.BatchNorm3d(cout),
        nn.ReLU(inplace=True),
        nn.MaxPool3d(pool),
    )


class C3DLite(nn.Module):
    def __init__(self, num_classes=27, dropout=0.5):
        super().__init__()
        self.features = nn.Sequential(
            conv_block(3, 32, (1, 2, 2)),
            conv_block(32, 64, (2, 2, 2)),
            conv_block(64, 128, (2, 2, 2)),
            conv_block(128, 256, (2, 2, 2)),
            conv_block(256, 256, (2, 2, 2)),
        )
        self.pool = nn.AdaptiveAvgPool3d(1)
        self.head = nn.Sequential(nn.Flatten(), nn.Dropout(dropout), nn.Linear(256, num_classes))

    def forward(self, x):
        return self.head(self.pool(self.features(x)))
