import torch.nn as nn
from torchvision import models


def build_model(arch="resnet18", num_classes=102, pretrained=True, dropout=0.3):
    weights = "IMAGENET1K_V1" if pretrained else None
    net = getattr(models, arch)(weights=weights)
    in_features = net.fc.in_features
    net.fc = nn.Sequential(
        nn.Dropout(dropout),
        nn.Linear(in_features, num_classes),
    )
    return net
