from torch import nn


class TCN(nn.Module):
    def __init__(self, n_in: int = 6, n_classes: int = 9, width: int = 64, dropout: float = 0.2):
        super().__init__()
        layers, c = [], n_in
        for d in (1, 2, 4, 8):
            layers += [nn.Conv1d(c, width, 5, padding=2 * d, dilation=d), nn.BatchNorm1d(width), nn.GELU(), nn.Dropout(dropout)]
            c = width
        self.body = nn.Sequential(*layers)
        self.head = nn.Linear(width, n_classes)

    def forward(self, x):
        return self.head(self.body(x).mean(-1))
