from __future__ import annotations

from torch import nn


def conv_bn(c_in: int, c_out: int) -> nn.Sequential:
    return nn.Sequential(
        nn.Conv2d(c_in, c_out, 3, padding=1, bias=False),
        nn.BatchNorm2d(c_out),
        nn.ReLU(inplace=True),
        nn.Conv2d(c_out, c_out, 3, padding=1, bias=False),
        nn.BatchNorm2d(c_out),
        nn.ReLU(inplace=True),
        nn.MaxPool2d(2),
    )


class DefectNet(nn.Module):
    def __init__(self, num_classes: int, width: int = 32, dropout: float = 0.4):
        super().__init__()
        self.body = nn.Sequential(
            conv_bn(3, width), conv_bn(width, width * 2), conv_bn(width * 2, width * 4), conv_bn(width * 4, width * 8)
        )
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.head = nn.Sequential(nn.Flatten(), nn.Dropout(dropout), nn.Linear(width * 8, num_classes))

    def forward(self, x):
        return self.head(self.pool(self.body(x)))
