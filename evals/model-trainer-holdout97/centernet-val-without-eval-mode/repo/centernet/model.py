import torch
import torch.nn as nn
from torchvision.models import resnet18, ResNet18_Weights


def _deconv_block(in_ch, out_ch):
    return nn.Sequential(
        nn.Conv2d(in_ch, out_ch, 3, padding=1, bias=False),
        nn.BatchNorm2d(out_ch),
        nn.ReLU(inplace=True),
        nn.ConvTranspose2d(out_ch, out_ch, 4, stride=2, padding=1, bias=False),
        nn.BatchNorm2d(out_ch),
        nn.ReLU(inplace=True),
    )


def _head(in_ch, out_ch, head_ch=64, dropout=0.1):
    return nn.Sequential(
        nn.Conv2d(in_ch, head_ch, 3, padding=1),
        nn.ReLU(inplace=True),
        nn.Dropout2d(dropout),
        nn.Conv2d(head_ch, out_ch, 1),
    )


class CenterNetR18(nn.Module):
    """ResNet-18 backbone, 3 upsampling stages (stride 4 output), heatmap/size/offset heads."""

    def __init__(self, num_classes, pretrained=True):
        super().__init__()
        backbone = resnet18(weights=ResNet18_Weights.DEFAULT if pretrained else None)
        self.stem = nn.Sequential(*list(backbone.children())[:-2])
        self.up = nn.Sequential(_deconv_block(512, 256), _deconv_block(256, 128), _deconv_block(128, 64))
        self.hm = _head(64, num_classes)
        self.wh = _head(64, 2)
        self.reg = _head(64, 2)
        self.hm[-1].bias.data.fill_(-2.19)

    def forward(self, x):
        feat = self.up(self.stem(x))
        return {"hm": torch.sigmoid(self.hm(feat)), "wh": self.wh(feat), "reg": self.reg(feat)}
