import torch.nn as nn


def conv_bn(cin, cout, stride=1):
    return nn.Sequential(nn.Conv2d(cin, cout, 3, stride, 1, bias=False), nn.BatchNorm2d(cout), nn.SiLU())


class WaferClassifier(nn.Module):
    """Compact CNN for 128x128 wafer maps from the probe bin-map export (3 channels: no die / pass / fail)."""

    def __init__(self, n_classes, width=32, p_drop=0.2):
        super().__init__()
        self.body = nn.Sequential(
            conv_bn(3, width, 2), conv_bn(width, width),
            conv_bn(width, 2 * width, 2), conv_bn(2 * width, 2 * width),
            conv_bn(2 * width, 4 * width, 2), conv_bn(4 * width, 4 * width),
            conv_bn(4 * width, 8 * width, 2),
            nn.AdaptiveAvgPool2d(1), nn.Flatten(),
        )
        self.drop = nn.Dropout(p_drop)
        self.fc = nn.Linear(8 * width, n_classes)

    def forward(self, x):
        return self.fc(self.drop(self.body(x)))
