import torch
from torch import nn
from torchvision.models import resnet18


class LeafNet(nn.Module):
    def __init__(self, n_classes: int, n_sensors: int = 3):
        super().__init__()
        backbone = resnet18(weights=None)
        backbone.fc = nn.Identity()
        self.backbone = backbone
        self.sensor_mlp = nn.Sequential(nn.Linear(n_sensors, 32), nn.BatchNorm1d(32), nn.ReLU())
        self.head = nn.Sequential(nn.Dropout(0.3), nn.Linear(512 + 32, n_classes))

    def forward(self, img, sensors):
        return self.head(torch.cat([self.backbone(img), self.sensor_mlp(sensors)], dim=1))
