import torch.nn as nn
from torchvision.models import ResNet50_Weights, resnet50


class TSN(nn.Module):
    def __init__(self, num_classes, dropout=0.8):
        super().__init__()
        backbone = resnet50(weights=ResNet50_Weights.IMAGENET1K_V2)
        backbone.fc = nn.Identity()
        self.backbone = backbone
        self.dropout = nn.Dropout(dropout)
        self.fc = nn.Linear(2048, num_classes)

    def forward(self, x):
        b, k = x.shape[:2]
        feats = self.backbone(x.flatten(0, 1)).view(b, k, -1)
        return self.fc(self.dropout(feats)).mean(dim=1)  # average consensus over segments
