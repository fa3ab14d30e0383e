import torch.nn as nn


def conv_block(c_in, c_out):
    return nn.Sequential(
        nn.Conv2d(c_in, c_out, 3, padding=1, bias=False),
        nn.BatchNorm2d(c_out),
        nn.ReLU(inplace=True),
        nn.MaxPool2d(2),
    )


class KWSNet(nn.Module):
    def __init__(self, n_classes, width=32, p_drop=0.3):
        super().__init__()
        self.features = nn.Sequential(
            conv_block(1, width), conv_block(width, 2 * width), conv_block(2 * width, 4 * width)
        )
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.dropout = nn.Dropout(p_drop)
        self.fc = nn.Linear(4 * width, n_classes)

    def forward(self, x):
        h = self.pool(self.features(x)).flatten(1)
        return self.fc(self.dropout(h))
