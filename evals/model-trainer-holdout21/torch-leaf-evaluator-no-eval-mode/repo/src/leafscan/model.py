from torch import nn
from torchvision import models


def build_model(arch: str, num_classes: int, dropout: float, pretrained: bool) -> nn.Module:
    if arch != "resnet18":
        raise ValueError(f"unsupported arch {arch}")
    weights = models.ResNet18_Weights.IMAGENET1K_V1 if pretrained else None
    net = models.resnet18(weights=weights)
    net.fc = nn.Sequential(nn.Dropout(dropout), nn.Linear(net.fc.in_features, num_classes))
    return net
