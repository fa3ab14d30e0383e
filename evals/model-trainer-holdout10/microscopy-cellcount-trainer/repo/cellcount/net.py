import torch
from torch import nn


def block(c_in: int, c_out: int) -> nn.Sequential:
    return nn.Sequential(
        nn.Conv2d(c_in, c_out, 3, padding=1, bias=False), nn.BatchNorm2d(c_out), nn.ReLU(inplace=True),
        nn.Conv2d(c_out, c_out, 3, padding=1, bias=False), nn.BatchNorm2d(c_out), nn.ReLU(inplace=True),
        nn.MaxPool2d(2),
    )


class CountNet(nn.Module):
    """Regresses log(1 + count) from a single-channel tile."""

    def __init__(self, width: int = 32, p_drop: float = 0.3):
        super().__init__()
        self.features = nn.Sequential(block(1, width), block(width, 2 * width),
                                      block(2 * width, 4 * width), block(4 * width, 8 * width))
        self.head = nn.Sequential(nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Dropout(p_drop),
                                  nn.Linear(8 * width, 64), nn.ReLU(), nn.Dropout(p_drop), nn.Linear(64, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.features(x))
