import torch.nn as nn


def _block(c_in, c_out):
    return nn.Sequential(
        nn.Conv2d(c_in, c_out, 3, padding=1, bias=False),
        nn.BatchNorm2d(c_out),
        nn.ReLU(inplace=True),
        nn.MaxPool2d(2),
    )


class GenreCNN(nn.Module):
    def __init__(self, n_classes=10, width=32, p_drop=0.3):
        super().__init__()
        self.features = nn.Sequential(_block(1, width), _block(width, width * 2),
                                      _block(width * 2, width * 4), _block(width * 4, width * 4))
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.head = nn.Sequential(nn.Flatten(), nn.Dropout(p_drop), nn.Linear(width * 4, n_classes))

    def forward(self, x):
        return self.head(self.pool(self.features(x)))
