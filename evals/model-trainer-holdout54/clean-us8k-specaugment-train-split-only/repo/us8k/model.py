import torch.nn as nn


class SB_CNN(nn.Module):
    """Salamon & Bello style CNN with batch norm."""

    def __init__(self, n_classes=10):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 24, 5, padding=2), nn.BatchNorm2d(24), nn.ReLU(), nn.MaxPool2d((4, 2)),
            nn.Conv2d(24, 48, 5, padding=2), nn.BatchNorm2d(48), nn.ReLU(), nn.MaxPool2d((4, 2)),
            nn.Conv2d(48, 48, 5, padding=2), nn.BatchNorm2d(48), nn.ReLU(),
            nn.AdaptiveAvgPool2d((1, 4)),
        )
        self.classifier = nn.Sequential(nn.Flatten(), nn.Dropout(0.5), nn.Linear(48 * 4, 64), nn.ReLU(),
                                        nn.Dropout(0.5), nn.Linear(64, n_classes))

    def forward(self, x):
        return self.classifier(self.features(x))
