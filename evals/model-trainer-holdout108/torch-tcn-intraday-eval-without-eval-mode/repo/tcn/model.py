import torch
from torch import nn


class TemporalBlock(nn.Module):
    def __init__(self, c_in: int, c_out: int, kernel_size: int, dilation: int, dropout: float):
        super().__init__()
        pad = (kernel_size - 1) * dilation
        self.conv1 = nn.Conv1d(c_in, c_out, kernel_size, padding=pad, dilation=dilation)
        self.bn1 = nn.BatchNorm1d(c_out)
        self.conv2 = nn.Conv1d(c_out, c_out, kernel_size, padding=pad, dilation=dilation)
        self.bn2 = nn.BatchNorm1d(c_out)
        self.drop = nn.Dropout(dropout)
        self.act = nn.ReLU()
        self.chomp = pad
        self.skip = nn.Conv1d(c_in, c_out, 1) if c_in != c_out else nn.Identity()

    def _causal(self, x: torch.Tensor) -> torch.Tensor:
        return x[..., : -self.chomp] if self.chomp else x

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.drop(self.act(self.bn1(self._causal(self.conv1(x)))))
        h = self.drop(self.act(self.bn2(self._causal(self.conv2(h)))))
        return self.act(h + self.skip(x))


class TCNRegressor(nn.Module):
    def __init__(self, n_features: int, channels, kernel_size: int, dropout: float):
        super().__init__()
        layers, c_prev = [], n_features
        for i, c in enumerate(channels):
            layers.append(TemporalBlock(c_prev, c, kernel_size, 2 ** i, dropout))
            c_prev = c
        self.body = nn.Sequential(*layers)
        self.head = nn.Sequential(nn.Dropout(dropout), nn.Linear(c_prev, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.body(x)[..., -1]
        return self.head(h).squeeze(-1)
