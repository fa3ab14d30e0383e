import torch
from torch import nn


class ShallowConvNet(nn.Module):
    """Schirrmeister et al. (2017) shallow FBCSP-like ConvNet."""

    def __init__(self, n_channels, n_times, n_classes, n_filters=40, dropout=0.5):
        super().__init__()
        self.temporal = nn.Conv2d(1, n_filters, (1, 25))
        self.spatial = nn.Conv2d(n_filters, n_filters, (n_channels, 1), bias=False)
        self.bn = nn.BatchNorm2d(n_filters)
        self.pool = nn.AvgPool2d((1, 75), stride=(1, 15))
        self.drop = nn.Dropout(dropout)
        n_out = (n_times - 24 - 75) // 15 + 1
        self.fc = nn.Linear(n_filters * n_out, n_classes)

    def forward(self, x):
        x = self.bn(self.spatial(self.temporal(x.unsqueeze(1))))
        x = torch.log(torch.clamp(self.pool(x * x), min=1e-6))
        return self.fc(self.drop(x.flatten(1)))
