import torch.nn as nn


def block(cin, cout):
    return nn.Sequential(nn.Conv2d(cin, cout, 3, padding=1, bias=False), nn.BatchNorm2d(cout), nn.SiLU(),
                         nn.Conv2d(cout, cout, 3, padding=1, bias=False), nn.BatchNorm2d(cout), nn.SiLU(),
                         nn.MaxPool2d(2))


class ChorusCNN(nn.Module):
    def __init__(self, n_classes, width=32, p_drop=0.25):
        super().__init__()
        self.features = nn.Sequential(block(1, width), block(width, 2 * width), block(2 * width, 4 * width), block(4 * width, 8 * width))
        self.head = nn.Sequential(nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Dropout(p_drop), nn.Linear(8 * width, n_classes))

    def forward(self, x):
        return self.head(self.features(x))
