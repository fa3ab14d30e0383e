import torch.nn as nn
from torchvision import models


def build_densenet(pretrained: bool = True) -> nn.Module:
    weights = models.DenseNet121_Weights.IMAGENET1K_V1 if pretrained else None
    net = models.densenet121(weights=weights)
    # radiographs are single channel: average the RGB filters of the stem into one
    stem = net.features.conv0
    new_stem = nn.Conv2d(1, stem.out_channels, kernel_size=7, stride=2, padding=3, bias=False)
    new_stem.weight.data = stem.weight.data.mean(dim=1, keepdim=True)
    net.features.conv0 = new_stem
    net.classifier = nn.Linear(net.classifier.in_features, 1)
    return net
