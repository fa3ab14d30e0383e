import torch
from torch import nn


def conv_block(c_in, c_out, p_drop):
    return nn.Sequential(
        nn.Conv2d(c_in, c_out, 3, padding=1, bias=False),
        nn.BatchNorm2d(c_out),
        nn.ReLU(inplace=True),
        nn.Conv2d(c_out, c_out, 3, padding=1, bias=False),
        nn.BatchNorm2d(c_out),
        nn.ReLU(inplace=True),
        nn.Dropout2d(p_drop),
    )


class NowcastUNet(nn.Module):
    """Small U-Net mapping a stack of past frames to a stack of future frames."""

    def __init__(self, frames_in=6, frames_out=6, base=32, p_drop=0.1):
        super().__init__()
        self.enc1 = conv_block(frames_in, base, p_drop)
        self.enc2 = conv_block(base, base * 2, p_drop)
        self.enc3 = conv_block(base * 2, base * 4, p_drop)
        self.pool = nn.MaxPool2d(2)
        self.up2 = nn.ConvTranspose2d(base * 4, base * 2, 2, stride=2)
        self.dec2 = conv_block(base * 4, base * 2, p_drop)
        self.up1 = nn.ConvTranspose2d(base * 2, base, 2, stride=2)
        self.dec1 = conv_block(base * 2, base, p_drop)
        self.head = nn.Conv2d(base, frames_out, 1)

    def forward(self, x):
        e1 = self.enc1(x)
        e2 = self.enc2(self.pool(e1))
        e3 = self.enc3(self.pool(e2))
        d2 = self.dec2(torch.cat([self.up2(e3), e2], dim=1))
        d1 = self.dec1(torch.cat([self.up1(d2), e1], dim=1))
        return torch.relu(self.head(d1))
