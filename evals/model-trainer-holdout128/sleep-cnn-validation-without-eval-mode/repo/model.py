import torch.nn as nn


def conv_bn(c_in, c_out, k, s=1):
    return nn.Sequential(nn.Conv1d(c_in, c_out, k, stride=s, padding=k // 2, bias=False),
                         nn.BatchNorm1d(c_out), nn.ReLU())


class SleepCNN(nn.Module):
    """Small DeepSleepNet-style representation branch (small-filter path only)."""

    def __init__(self, n_classes=5, fs=100):
        super().__init__()
        self.features = nn.Sequential(
            conv_bn(1, 64, fs // 2, s=fs // 16),
            nn.MaxPool1d(8, 8),
            nn.Dropout(0.5),
            conv_bn(64, 128, 7), conv_bn(128, 128, 7), conv_bn(128, 128, 7),
            nn.MaxPool1d(4, 4),
            nn.AdaptiveAvgPool1d(1),
            nn.Flatten(),
        )
        self.classifier = nn.Sequential(nn.Dropout(0.5), nn.Linear(128, n_classes))

    def forward(self, x):
        return self.classifier(self.features(x))
