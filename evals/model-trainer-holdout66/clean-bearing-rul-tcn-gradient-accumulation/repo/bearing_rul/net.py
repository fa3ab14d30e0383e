import torch
import torch.nn as nn


class CausalBlock(nn.Module):
    def __init__(self, c_in, c_out, dilation):
        super().__init__()
        self.pad = 2 * dilation
        self.conv = nn.Conv1d(c_in, c_out, 3, dilation=dilation)
        self.bn = nn.BatchNorm1d(c_out)
        self.drop = nn.Dropout(0.15)
        self.skip = nn.Conv1d(c_in, c_out, 1) if c_in != c_out else nn.Identity()

    def forward(self, x):
        h = self.conv(nn.functional.pad(x, (self.pad, 0)))
        return torch.relu(self.drop(self.bn(h)) + self.skip(x))


class TCNRegressor(nn.Module):
    def __init__(self, n_features, channels=(32, 32, 64, 64)):
        super().__init__()
        layers, c_in = [], n_features
        for i, c in enumerate(channels):
            layers.append(CausalBlock(c_in, c, dilation=2 ** i))
            c_in = c
        self.body = nn.Sequential(*layers)
        self.head = nn.Linear(c_in, 1)

    def forward(self, x):
        return torch.sigmoid(self.head(self.body(x)[:, :, -1])).squeeze(-1)
