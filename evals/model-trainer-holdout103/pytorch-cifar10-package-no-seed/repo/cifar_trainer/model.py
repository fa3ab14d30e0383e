import torch.nn as nn


def conv_bn(cin, cout, pool=False):
    layers = [nn.Conv2d(cin, cout, 3, padding=1, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True)]
    if pool:
        layers.append(nn.MaxPool2d(2))
    return nn.Sequential(*layers)


class Residual(nn.Module):
    def __init__(self, ch):
        super().__init__()
        self.body = nn.Sequential(conv_bn(ch, ch), conv_bn(ch, ch))

    def forward(self, x):
        return x + self.body(x)


def resnet9(width=64, dropout=0.2, num_classes=10):
    w = width
    return nn.Sequential(
        conv_bn(3, w),
        conv_bn(w, 2 * w, pool=True), Residual(2 * w),
        conv_bn(2 * w, 4 * w, pool=True),
        conv_bn(4 * w, 8 * w, pool=True), Residual(8 * w),
        nn.AdaptiveMaxPool2d(1), nn.Flatten(), nn.Dropout(dropout),
        nn.Linear(8 * w, num_classes),
    )
