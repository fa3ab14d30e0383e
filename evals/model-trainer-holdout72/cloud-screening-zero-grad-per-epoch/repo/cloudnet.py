import numpy as np
import torch
import torch.nn as nn

# Landsat 8 OLI/TIRS bands used by the screening model (coastal..SWIR2 + cirrus + TIRS1)
BANDS = ["B1", "B2", "B3", "B4", "B5", "B6", "B7", "B9", "B10"]


def load_split(path):
    data = np.load(path)
    x = torch.from_numpy(data["x"].astype("float32"))
    y = torch.from_numpy(data["cloudy"].astype("int64"))
    return x, y


class CloudNet(nn.Module):
    def __init__(self, in_channels=len(BANDS), width=24):
        super().__init__()
        layers, c = [], in_channels
        for w in (width, width * 2, width * 4):
            layers += [nn.Conv2d(c, w, 3, padding=1), nn.BatchNorm2d(w), nn.ReLU(inplace=True),
                       nn.MaxPool2d(2)]
            c = w
        self.body = nn.Sequential(*layers)
        self.head = nn.Sequential(nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Dropout(0.25),
                                  nn.Linear(c, 1))

    def forward(self, x):
        return self.head(self.body(x))
