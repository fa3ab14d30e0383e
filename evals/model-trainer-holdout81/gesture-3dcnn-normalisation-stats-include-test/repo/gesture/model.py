import torch.nn as nn


def block(cin, cout, pool):
    return nn.Sequential(nn.Conv3d(cin, cout, 3, padding=1, bias=False), nn.BatchNorm3d(cout),
                         nn.ReLU(inplace=True), nn.MaxPool3d(pool))


class SmallC3D(nn.Module):
    def __init__(self, num_classes):
        super().__init__()
        self.features = nn.Sequential(block(3, 32, (1, 2, 2)), block(32, 64, 2), block(64, 128, 2), block(128, 256, 2))
        self.head = nn.Sequential(nn.AdaptiveAvgPool3d(1), nn.Flatten(), nn.Dropout(0.4), nn.Linear(256, num_classes))

    def forward(self, x):
        return self.head(self.features(x))
