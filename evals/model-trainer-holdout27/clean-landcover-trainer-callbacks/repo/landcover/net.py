import torch.nn as nn
from torchvision.models import EfficientNet_B0_Weights, efficientnet_b0


def make_net(n_classes: int) -> nn.Module:
    net = efficientnet_b0(weights=EfficientNet_B0_Weights.IMAGENET1K_V1)
    net.classifier[1] = nn.Linear(net.classifier[1].in_features, n_classes)
    return net
