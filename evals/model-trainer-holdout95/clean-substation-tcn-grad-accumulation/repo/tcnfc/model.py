import torch
from torch import nn
from torch.nn.utils.parametrizations import weight_norm


class CausalBlock(nn.Module):
    def __init__(self, c_in, c_out, kernel_size, dilation, dropout):
        super().__init__()
        self.pad = (kernel_size - 1) * dilation
        self.conv1 = weight_norm(nn.Conv1d(c_in, c_out, kernel_size, dilation=dilation))
        self.conv2 = weight_norm(nn.Conv1d(c_out, c_out, kernel_size, dilation=dilation))
        self.drop = nn.Dropout(dropout)
        self.skip = nn.Conv1d(c_in, c_out, 1) if c_in != c_out else nn.Identity()

    def forward(self, x):
        h = self.drop(torch.relu(self.conv1(nn.functional.pad(x, (self.pad, 0)))))
        h = self.drop(torch.relu(self.conv2(nn.functional.pad(h, (self.pad, 0)))))
        return torch.relu(h + self.skip(x))


class TCNForecaster(nn.Module):
    def __init__(self, n_in, channels, kernel_size, dropout, horizon):
        super().__init__()
        blocks, c_prev = [], n_in
        for i, c in enumerate(channels):
            blocks.append(CausalBlock(c_prev, c, kernel_size, 2 ** i, dropout))
            c_prev = c
        self.tcn = nn.Sequential(*blocks)
        self.head = nn.Linear(c_prev, horizon)

    def forward(self, x):  # x: (batch, time, features)
        h = self.tcn(x.transpose(1, 2))
        return self.head(h[:, :, -1])
