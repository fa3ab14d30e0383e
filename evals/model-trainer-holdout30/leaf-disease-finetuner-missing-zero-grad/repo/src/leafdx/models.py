"""Backbone factory."""
from torch import nn
from torchvision import models


def build_model(arch: str, n_classes: int) -> nn.Module:
    if arch == "resnet18":
        net = models.resnet18(weights=models.ResNet18_Weights.DEFAULT)
        net.fc = nn.Linear(net.fc.in_features, n_classes)
    elif arch == "efficientnet_b0":
        net = models.efficientnet_b0(weights=models.EfficientNet_B0_Weights.DEFAULT)
        net.classifier[1] = nn.Linear(net.classifier[1].in_features, n_classes)
    else:
        raise ValueError(arch)
    return net
