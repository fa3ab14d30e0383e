import torch.nn as nn
from torchvision import models


def build_model(dropout: float = 0.3) -> nn.Module:
    net = models.densenet121(weights=models.DenseNet121_Weights.IMAGENET1K_V1)
    in_features = net.classifier.in_features
    net.classifier = nn.Sequential(
        nn.Dropout(p=dropout),
        nn.Linear(in_features, 1),
    )
    return net
