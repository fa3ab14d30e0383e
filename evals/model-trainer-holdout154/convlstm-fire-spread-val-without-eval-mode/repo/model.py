import torch
import torch.nn as nn


class ConvLSTMCell(nn.Module):
    def __init__(self, in_ch, hid_ch, kernel_size=3):
        super().__init__()
        pad = kernel_size // 2
        self.hid_ch = hid_ch
        self.gates = nn.Conv2d(in_ch + hid_ch, 4 * hid_ch, kernel_size, padding=pad)

    def forward(self, x, state):
        h, c = state
        i, f, o, g = torch.chunk(self.gates(torch.cat([x, h], dim=1)), 4, dim=1)
        i, f, o, g = torch.sigmoid(i), torch.sigmoid(f), torch.sigmoid(o), torch.tanh(g)
        c = f * c + i * g
        h = o * torch.tanh(c)
        return h, c


class FireSpreadConvLSTM(nn.Module):
    """Sequence of daily input rasters (B, T, C, H, W) -> next-day fire mask logits (B, 1, H, W)."""

    def __init__(self, in_ch, hid_ch=64, dropout=0.2):
        super().__init__()
        self.encoder = nn.Sequential(
            nn.Conv2d(in_ch, hid_ch, 3, padding=1),
            nn.BatchNorm2d(hid_ch),
            nn.ReLU(inplace=True),
        )
        self.cell = ConvLSTMCell(hid_ch, hid_ch)
        self.head = nn.Sequential(
            nn.Dropout2d(dropout),
            nn.Conv2d(hid_ch, hid_ch // 2, 3, padding=1),
            nn.BatchNorm2d(hid_ch // 2),
            nn.ReLU(inplace=True),
            nn.Conv2d(hid_ch // 2, 1, 1),
        )

    def forward(self, x):
        b, t, _, hgt, wid = x.shape
        h = x.new_zeros(b, self.cell.hid_ch, hgt, wid)
        c = torch.zeros_like(h)
        for step in range(t):
            z = self.encoder(x[:, step])
            h, c = self.cell(z, (h, c))
        return self.head(h)
