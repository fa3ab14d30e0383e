import torch
import torch.nn.functional as F
from torch import nn


class Block(nn.Module):
    def __init__(self, c_in, c_out):
        super().__init__()
        self.net = nn.Sequential(
            nn.Conv2d(c_in, c_out, 3, padding=1), nn.GroupNorm(8, c_out), nn.SiLU(),
            nn.Conv2d(c_out, c_out, 3, padding=1), nn.GroupNorm(8, c_out), nn.SiLU(),
        )

    def forward(self, x):
        return self.net(x)


class DownscalingUNet(nn.Module):
    """Coarse fields are upsampled to the target grid, concatenated with the DEM, then refined."""

    def __init__(self, in_ch, dem, base=32, dropout=0.1):
        super().__init__()
        self.register_buffer("dem", dem)
        self.e1, self.e2, self.e3 = Block(in_ch + 1, base), Block(base, base * 2), Block(base * 2, base * 4)
        self.drop = nn.Dropout2d(dropout)
        self.u2, self.d2 = nn.ConvTranspose2d(base * 4, base * 2, 2, 2), Block(base * 4, base * 2)
        self.u1, self.d1 = nn.ConvTranspose2d(base * 2, base, 2, 2), Block(base * 2, base)
        self.out = nn.Conv2d(base, 1, 1)

    def forward(self, coarse):
        x = F.interpolate(coarse, size=self.dem.shape[-2:], mode="bilinear", align_corners=False)
        x = torch.cat([x, self.dem.expand(x.size(0), -1, -1, -1)], dim=1)
        e1 = self.e1(x)
        e2 = self.e2(F.max_pool2d(e1, 2))
        e3 = self.drop(self.e3(F.max_pool2d(e2, 2)))
        d2 = self.d2(torch.cat([self.u2(e3), e2], 1))
        d1 = self.d1(torch.cat([self.u1(d2), e1], 1))
        return self.out(d1)
