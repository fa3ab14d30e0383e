import torch.nn as nn


class ConvBNReLU(nn.Sequential):
    def __init__(self, c_in, c_out):
        super().__init__(
            nn.Conv2d(c_in, c_out, kernel_size=3, padding=1, bias=False),
            nn.BatchNorm2d(c_out),
            nn.ReLU(inplace=True),
        )


class TinyStudent(nn.Module):
    """~1.2M-param VGG-ish student for 32x32 inputs."""

    def __init__(self, num_classes=100, width=64, drop=0.3):
        super().__init__()
        w = width
        self.features = nn.Sequential(
            ConvBNReLU(3, w), ConvBNReLU(w, w), nn.MaxPool2d(2),
            ConvBNReLU(w, 2 * w), ConvBNReLU(2 * w, 2 * w), nn.MaxPool2d(2),
            ConvBNReLU(2 * w, 4 * w), ConvBNReLU(4 * w, 4 * w), nn.MaxPool2d(2),
        )
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.dropout = nn.Dropout(drop)
        self.fc = nn.Linear(4 * w, num_classes)

    def forward(self, x):
        x = self.pool(self.features(x)).flatten(1)
        return self.fc(self.dropout(x))
