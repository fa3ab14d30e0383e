import torch.nn as nn


def conv_bn(cin, cout, stride=1):
    return nn.Sequential(nn.Conv2d(cin, cout, 3, stride, 1, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True))


class SimpleCNN(nn.Module):
    def __init__(self, num_classes=10):
        super().__init__()
        self.body = nn.Sequential(conv_bn(3, 32), nn.MaxPool2d(2), conv_bn(32, 64), nn.MaxPool2d(2),
                                  nn.Flatten(), nn.Linear(64 * 8 * 8, 256), nn.ReLU(inplace=True),
                                  nn.Dropout(0.5), nn.Linear(256, num_classes))

    def forward(self, x):
        return self.body(x)


class ResBlock(nn.Module):
    def __init__(self, channels):
        super().__init__()
        self.block = nn.Sequential(conv_bn(channels, channels),
                                   nn.Conv2d(channels, channels, 3, 1, 1, bias=False), nn.BatchNorm2d(channels))
        self.act = nn.ReLU(inplace=True)

    def forward(self, x):
        return self.act(x + self.block(x))


class SmallResNet(nn.Module):
    def __init__(self, num_classes=10):
        super().__init__()
        self.net = nn.Sequential(conv_bn(3, 64), ResBlock(64), conv_bn(64, 128, stride=2), ResBlock(128),
                                 conv_bn(128, 256, stride=2), ResBlock(256),
                                 nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(256, num_classes))

    def forward(self, x):
        return self.net(x)


ARCHS = {"simple_cnn": SimpleCNN, "small_resnet": SmallResNet}
