import torch
import torch.nn as nn


class TempCNN(nn.Module):
    def __init__(self, n_bands=10, n_steps=24, n_classes=12, hidden=64, dropout=0.2):
        super().__init__()
        layers, c_in = [], n_bands
        for _ in range(3):
            layers += [nn.Conv1d(c_in, hidden, 5, padding=2), nn.BatchNorm1d(hidden), nn.ReLU(), nn.Dropout(dropout)]
            c_in = hidden
        self.conv = nn.Sequential(*layers)
        self.fc = nn.Sequential(nn.Flatten(), nn.Linear(hidden * n_steps, 256), nn.ReLU(),
                                nn.Dropout(dropout), nn.Linear(256, n_classes))

    def forward(self, x):            # x: (B, T, C)
        return self.fc(self.conv(x.transpose(1, 2)))
