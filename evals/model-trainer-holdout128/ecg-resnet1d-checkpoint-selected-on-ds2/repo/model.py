import torch.nn as nn


class ResBlock(nn.Module):
    def __init__(self, c_in, c_out, stride):
        super().__init__()
        self.body = nn.Sequential(
            nn.Conv1d(c_in, c_out, 7, stride=stride, padding=3, bias=False),
            nn.BatchNorm1d(c_out), nn.ReLU(inplace=True), nn.Dropout(0.2),
            nn.Conv1d(c_out, c_out, 7, padding=3, bias=False),
            nn.BatchNorm1d(c_out),
        )
        self.skip = (nn.Identity() if stride == 1 and c_in == c_out else
                     nn.Sequential(nn.Conv1d(c_in, c_out, 1, stride=stride, bias=False), nn.BatchNorm1d(c_out)))
        self.act = nn.ReLU(inplace=True)

    def forward(self, x):
        return self.act(self.body(x) + self.skip(x))


class ResNet1D(nn.Module):
    def __init__(self, n_classes=4, width=32):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv1d(1, width, 15, padding=7, bias=False),
                                  nn.BatchNorm1d(width), nn.ReLU(inplace=True))
        self.layers = nn.Sequential(ResBlock(width, width, 1), ResBlock(width, 2 * width, 2),
                                    ResBlock(2 * width, 4 * width, 2))
        self.head = nn.Sequential(nn.AdaptiveAvgPool1d(1), nn.Flatten(), nn.Linear(4 * width, n_classes))

    def forward(self, x):
        return self.head(self.layers(self.stem(x)))
