import torch
from torch import nn
from torch.nn.utils.parametrizations import weight_norm


class CausalBlock(nn.Module):
    def __init__(self, c_in: int, c_out: int, kernel: int, dilation: int, dropout: float):
        super().__init__()
        self.pad = (kernel - 1) * dilation
        self.conv1 = weight_norm(nn.Conv1d(c_in, c_out, kernel, dilation=dilation))
        self.conv2 = weight_norm(nn.Conv1d(c_out, c_out, kernel, dilation=dilation))
        self.drop = nn.Dropout(dropout)
        self.act = nn.ReLU()
        self.skip = nn.Conv1d(c_in, c_out, 1) if c_in != c_out else nn.Identity()

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out = self.drop(self.act(self.conv1(nn.functional.pad(x, (self.pad, 0)))))
        out = self.drop(self.act(self.conv2(nn.functional.pad(out, (self.pad, 0)))))
        return self.act(out + self.skip(x))


class TCN(nn.Module):
    """Stack of dilated causal blocks; predicts the next-day return of one target channel."""

    def __init__(self, n_inputs: int, channels=(32, 32, 32, 32), kernel: int = 3, dropout: float = 0.1):
        super().__init__()
        layers, c_prev = [], n_inputs
        for i, c in enumerate(channels):
            layers.append(CausalBlock(c_prev, c, kernel, 2 ** i, dropout))
            c_prev = c
        self.net = nn.Sequential(*layers)
        self.head = nn.Linear(c_prev, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.net(x)[:, :, -1]).squeeze(-1)
