from torch import nn


class WaferCNN(nn.Module):
    def __init__(self, width: int = 32):
        super().__init__()
        def stage(cin, cout):
            return nn.Sequential(nn.Conv2d(cin, cout, 3, padding=1), nn.BatchNorm2d(cout), nn.ReLU(inplace=True),
                                 nn.Conv2d(cout, cout, 3, padding=1), nn.BatchNorm2d(cout), nn.ReLU(inplace=True),
                                 nn.MaxPool2d(2))
        self.net = nn.Sequential(stage(1, width), stage(width, 2 * width), stage(2 * width, 4 * width),
                                 nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Dropout(0.3), nn.Linear(4 * width, 1))

    def forward(self, x):
        return self.net(x).squeeze(1)
