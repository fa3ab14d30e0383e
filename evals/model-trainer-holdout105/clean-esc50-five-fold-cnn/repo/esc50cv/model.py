import torch.nn as nn


class LogMelCNN(nn.Module):
    def __init__(self, n_classes=50):
        super().__init__()
        cfg = [(1, 32), (32, 64), (64, 128), (128, 256)]
        layers = []
        for c_in, c_out in cfg:
            layers += [
                nn.Conv2d(c_in, c_out, 3, padding=1, bias=False),
                nn.BatchNorm2d(c_out),
                nn.ReLU(inplace=True),
                nn.MaxPool2d(2),
            ]
        self.features = nn.Sequential(*layers)
        self.classifier = nn.Sequential(
            nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Dropout(0.5), nn.Linear(256, n_classes)
        )

    def forward(self, x):
        return self.classifier(self.features(x))
