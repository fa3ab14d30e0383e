import torch
from torch import nn


class EEGNet(nn.Module):
    """EEGNet-8,2 (Lawhern et al., 2018)."""

    def __init__(self, n_channels, n_samples, n_classes=2, F1=8, D=2, F2=16,
                 kernel_length=64, dropout=0.25):
        super().__init__()
        self.block1 = nn.Sequential(
            nn.Conv2d(1, F1, (1, kernel_length), padding=(0, kernel_length // 2), bias=False),
            nn.BatchNorm2d(F1),
            nn.Conv2d(F1, F1 * D, (n_channels, 1), groups=F1, bias=False),
            nn.BatchNorm2d(F1 * D),
            nn.ELU(),
            nn.AvgPool2d((1, 4)),
            nn.Dropout(dropout),
        )
        self.block2 = nn.Sequential(
            nn.Conv2d(F1 * D, F1 * D, (1, 16), padding=(0, 8), groups=F1 * D, bias=False),
            nn.Conv2d(F1 * D, F2, 1, bias=False),
            nn.BatchNorm2d(F2),
            nn.ELU(),
            nn.AvgPool2d((1, 8)),
            nn.Dropout(dropout),
        )
        with torch.no_grad():
            n_feat = self.block2(self.block1(torch.zeros(1, 1, n_channels, n_samples))).numel()
        self.classifier = nn.Linear(n_feat, n_classes)

    def forward(self, x):
        x = self.block2(self.block1(x.unsqueeze(1)))
        return self.classifier(x.flatten(1))
