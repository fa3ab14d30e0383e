import torch
import torch.nn as nn
import torch.nn.functional as F


class ConvBlock(nn.Module):
    def __init__(self, c_in, c_out):
        super().__init__()
        self.c1 = nn.Conv2d(c_in, c_out, 3, padding=1, bias=False)
        self.c2 = nn.Conv2d(c_out, c_out, 3, padding=1, bias=False)
        self.b1, self.b2 = nn.BatchNorm2d(c_out), nn.BatchNorm2d(c_out)

    def forward(self, x):
        x = F.relu(self.b1(self.c1(x)))
        x = F.relu(self.b2(self.c2(x)))
        return F.avg_pool2d(x, 2)


class Cnn10(nn.Module):
    def __init__(self, n_classes):
        super().__init__()
        self.bn0 = nn.BatchNorm2d(64)
        self.blocks = nn.Sequential(ConvBlock(1, 64), ConvBlock(64, 128), ConvBlock(128, 256), ConvBlock(256, 512))
        self.fc = nn.Linear(512, 512)
        self.out = nn.Linear(512, n_classes)

    def forward(self, x):
        x = self.bn0(x.transpose(1, 3)).transpose(1, 3)
        x = self.blocks(x).mean(dim=3)
        x = x.max(dim=2).values + x.mean(dim=2)
        x = F.dropout(F.relu(self.fc(F.dropout(x, 0.5, self.training))), 0.5, self.training)
        return self.out(x)
