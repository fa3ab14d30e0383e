import torch
import torch.nn as nn


class ConvLSTMCell(nn.Module):
    def __init__(self, cin, chid, k=3):
        super().__init__()
        self.chid = chid
        self.conv = nn.Conv2d(cin + chid, 4 * chid, k, padding=k // 2)

    def forward(self, x, h, c):
        i, f, g, o = self.conv(torch.cat([x, h], 1)).chunk(4, 1)
        c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
        h = torch.sigmoid(o) * torch.tanh(c)
        return h, c


class InundationNet(nn.Module):
    def __init__(self, cin, hidden=48, dropout=0.25):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv2d(cin, hidden, 3, padding=1), nn.BatchNorm2d(hidden), nn.GELU())
        self.cell = ConvLSTMCell(hidden, hidden)
        self.drop = nn.Dropout2d(dropout)
        self.out = nn.Conv2d(hidden, 1, 1)

    def forward(self, x):
        b, t, _, hh, ww = x.shape
        h = x.new_zeros(b, self.cell.chid, hh, ww)
        c = torch.zeros_like(h)
        for s in range(t):
            h, c = self.cell(self.stem(x[:, s]), h, c)
        return self.out(self.drop(h))
