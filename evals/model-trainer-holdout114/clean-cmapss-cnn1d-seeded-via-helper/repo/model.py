import torch.nn as nn


class ConvRUL(nn.Module):
    def __init__(self, n_sensors, channels=(32, 64, 64), kernel_size=7, dropout=0.25):
        super().__init__()
        layers, c_in = [], n_sensors
        for c_out in channels:
            layers += [nn.Conv1d(c_in, c_out, kernel_size, padding=kernel_size // 2),
                       nn.BatchNorm1d(c_out), nn.GELU()]
            c_in = c_out
        self.encoder = nn.Sequential(*layers)
        self.pool = nn.AdaptiveAvgPool1d(1)
        self.head = nn.Sequential(nn.Flatten(), nn.Dropout(dropout), nn.Linear(c_in, 64), nn.GELU(),
                                  nn.Linear(64, 1))

    def forward(self, x):
        return self.head(self.pool(self.encoder(x))).squeeze(-1)
