import torch.nn as nn


class GenreCNN(nn.Module):
    def __init__(self, channels=(32, 64, 128, 256), dropout=0.5, n_classes=10):
        super().__init__()
        blocks, c_in = [], 1
        for c_out in channels:
            blocks += [
                nn.Conv2d(c_in, c_out, 3, padding=1),
                nn.BatchNorm2d(c_out),
                nn.ELU(),
                nn.MaxPool2d((2, 2)),
                nn.Dropout2d(0.1),
            ]
            c_in = c_out
        self.conv = nn.Sequential(*blocks)
        self.classifier = nn.Sequential(
            nn.AdaptiveMaxPool2d(1), nn.Flatten(),
            nn.Linear(c_in, 128), nn.ELU(), nn.Dropout(dropout),
            nn.Linear(128, n_classes),
        )

    def forward(self, x):
        return self.classifier(self.conv(x))
