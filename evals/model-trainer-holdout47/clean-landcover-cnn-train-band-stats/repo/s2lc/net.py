import torch.nn as nn
from torchvision.models import resnet18


def build_resnet18(n_bands: int, n_classes: int) -> nn.Module:
    net = resnet18(weights=None, num_classes=n_classes)
    net.conv1 = nn.Conv2d(n_bands, 64, kernel_size=3, stride=1, padding=1, bias=False)
    net.maxpool = nn.Identity()
    return net
